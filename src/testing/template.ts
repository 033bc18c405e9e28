/** Password of the demo accounts in tests. */
export const TEST_PASSWORD = 'demo-senacs-2026';
/** Demo scale of the test template: about 80 structures plus full Rhône and Bouches-du-Rhône samples. */
export const TEST_SCALE = 0.02;

export type TemplateInfo =
  | { kind: 'pglite'; file: string }
  | { kind: 'postgres'; url: string; template: string };
