import { actionSheetThemes } from '../../domain/actionSheets';

export const themeName = (code: string) => actionSheetThemes.find(([c]) => c === code)?.[1] ?? code;
export const sheetStateLabel = (s: 'draft' | 'published') => (s === 'draft' ? 'Brouillon' : 'Publiée');
export { actionSheetThemes, actionSheetTextFields } from '../../domain/actionSheets';
