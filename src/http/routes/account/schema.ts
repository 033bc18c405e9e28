import { z } from 'zod';

const email = z.string().trim().max(254).email('Adresse e-mail invalide.');
const newPassword = z.string().min(1, 'Choisissez un mot de passe.').max(1000, 'Mot de passe trop long.');

export const resetRequestBody = z.object({ email });
export const resetConfirmBody = z.object({
  token: z.string().max(200, 'Lien de réinitialisation invalide.'),
  password: newPassword,
});
export const accountBody = z.object({
  name: z.string().trim().min(1, 'Indiquez votre nom.').max(200, 'Nom trop long.'),
  email,
  currentPassword: z.string().max(1000).optional(),
});
export const passwordBody = z.object({
  current: z.string().min(1, 'Donnez votre mot de passe actuel.').max(1000),
  password: newPassword,
});

/** A reset was asked: the same answer whether or not an account has this address. */
export const resetRequestResponse = z.object({ ok: z.literal(true), message: z.string() });
/** The signed-in person's account: name, address and how many of their sessions are open. */
export const accountResponse = z.object({ name: z.string(), email: z.string(), sessions: z.number() });
/** The name and address as saved (trimmed, the address in lower case). */
export const accountUpdateResponse = z.object({ name: z.string(), email: z.string() });
/** How many other sessions were closed. */
export const endOthersResponse = z.object({ ended: z.number() });
