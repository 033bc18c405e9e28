import type { PageModel } from 'survey-core';
import { useFilling } from './context';
import { useStore } from './store';
import { isAnswerable } from './survey';

/** Answered / expected questions of a section, counting only those currently shown. */
export function sectionProgress(page: PageModel): { answered: number; total: number } {
  const qs = page.questions.filter((q) => q.isVisible && isAnswerable(q));
  return { answered: qs.filter((q) => !q.isEmpty()).length, total: qs.length };
}

/** The sections with their progress and who is on each right now; a button goes to a section. */
export function Sections({ current, onGo }: { current: string | null; onGo: (name: string) => void }) {
  const f = useFilling();
  useStore(f.store, (s) => s.formRev);
  const presence = useStore(f.store, (s) => s.presence);
  return (
    <nav className="sections" aria-labelledby="sections-title">
      <h2 id="sections-title">Sections</h2>
      <ol>
        {f.survey.visiblePages.map((page) => {
          const { answered, total } = sectionProgress(page);
          const here = presence.filter((p) => p.section === page.name && p.userId !== f.me.id);
          const isCurrent = page.name === current;
          return (
            <li key={page.name} className={isCurrent ? 'current' : undefined}>
              <button type="button" className="section-button" aria-current={isCurrent ? 'step' : undefined} onClick={() => onGo(page.name)}>
                <span className="section-title">{page.processedTitle || page.name}</span>
                <span className="section-progress">
                  {answered} / {total} réponse{total > 1 ? 's' : ''}
                </span>
                <span className="progress" aria-hidden="true"><span style={{ width: `${total ? Math.round((answered / total) * 100) : 0}%` }} /></span>
              </button>
              {here.length > 0 && (
                <p className="section-people">
                  <span className="visually-hidden">Sur cette section en ce moment : </span>
                  {here.map((p) => <span key={p.userId} className="person">{p.name}</span>)}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
