import { roleLabel } from '../lib/labels';
import type { Member } from '../lib/types';

/** The people of a structure; private, so only rendered after the API said 200. */
export function MembersTable({ members }: { members: Member[] }) {
  if (!members.length) return <p>Aucun membre n’est encore rattaché à cette structure.</p>;
  return (
    <table className="table">
      <caption>Membres de l’équipe ({members.length})</caption>
      <thead><tr><th scope="col">Nom</th><th scope="col">Rôle</th><th scope="col">Adresse e-mail</th></tr></thead>
      <tbody>
        {members.map((m) => (
          <tr key={`${m.id}-${m.role}`}>
            <th scope="row">{m.name}</th>
            <td>{roleLabel(m.role)}</td>
            <td><a href={`mailto:${m.email}`}>{m.email}</a></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
