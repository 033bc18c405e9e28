import { Link } from '../components/Link';
import { QueriesPanel } from './QueriesPanel';

/** `/reponses/:id/questions`: the structure's queries on one page (the filling page also shows each under its answer). */
export function QueriesPage({ id }: { id: string }) {
  return (
    <>
      <h1>Questions sur votre réponse</h1>
      <p><Link to={`/reponses/${id}`}>Revenir au questionnaire</Link></p>
      <QueriesPanel responseId={Number(id)} />
    </>
  );
}
