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
