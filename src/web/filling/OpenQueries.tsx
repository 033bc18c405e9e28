import '../trust/trust.css';
import { useFilling } from './context';
import { useStore } from './store';

/**
 * Above the questionnaire: the correspondents' questions still waiting for the structure, each a link to
 * the questioned answer, where the thread and the reply are (next to the value to correct).
 */
export function OpenQueries({ onGoTo }: { onGoTo: (code: string) => void }) {
  const f = useFilling();
  const queries = useStore(f.store, (s) => s.queries);
  const open = [...queries.values()].flat().filter((q) => q.state === 'open');
  if (open.length === 0) return null;
  const title = (code: string) => f.survey.getQuestionByName(code)?.processedTitle || code;
  return (
    <section className="panel panel-note open-queries" aria-labelledby="open-queries-title">
      <h2 id="open-queries-title">Questions de votre correspondant ({open.length} en attente de votre réponse)</h2>
      <p>Seules les réponses questionnées sont modifiables. Corrigez la valeur si elle est fausse, ou expliquez-la, sous la question.</p>
      <ul>
        {open.map((q) => (
          <li key={q.id}>
            <button type="button" className="link-button" onClick={() => onGoTo(q.code)}>« {title(q.code)} »<span className="visually-hidden"> : aller à la question</span></button>
          </li>
        ))}
      </ul>
    </section>
  );
}
