/** Roles, from the narrowest scope to the widest. */
export const roles = [
  'contributor',
  'board_member',
  'director',
  'correspondent',
  'regional_coordinator',
  'national_admin',
] as const;
export type Role = (typeof roles)[number];

export const structureRoles = ['contributor', 'board_member', 'director'] as const satisfies readonly Role[];

/** French labels shown in the UI. */
export const roleLabels: Record<Role, string> = {
  contributor: 'Contributeur·rice de la structure',
  board_member: 'Membre du conseil d’administration',
  director: 'Direction de la structure',
  correspondent: 'Correspondant·e départemental·e',
  regional_coordinator: 'Coordination régionale',
  national_admin: 'Administration nationale',
};

/** One role held on one scope. Exactly one of the scope fields is set, or none for the nation. */
export interface Membership {
  role: Role;
  organisation?: 'caf' | 'federation' | null;
  structureId?: number | null;
  departementCode?: string | null;
  regionCode?: string | null;
}

/** Who is asking. Anonymous visitors have no user. */
export interface Actor {
  userId: number | null;
  email?: string;
  name?: string;
  memberships: Membership[];
}

export const anonymous: Actor = { userId: null, memberships: [] };

/** Where a structure sits, as far as permissions care. */
export interface StructurePlace {
  id: number;
  departementCode: string;
  regionCode: string;
}
