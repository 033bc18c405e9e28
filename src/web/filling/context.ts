import { createContext, useContext } from 'react';
import type { Model } from 'survey-core';
import type { Saver } from './saver';
import type { FillingStore } from './store';

/** What the pieces rendered inside SurveyJS (one footer per question) need from the page. */
export interface Filling {
  responseId: number;
  survey: Model;
  store: FillingStore;
  saver: Saver;
  readOnly: boolean;
  me: { id: number; name: string };
  /** Reloads the comments after one was posted. */
  reloadComments: () => void;
  /** Reloads the correspondents' queries after a reply. */
  reloadQueries: () => void;
}

export const FillingContext = createContext<Filling | null>(null);

export function useFilling(): Filling {
  const f = useContext(FillingContext);
  if (!f) throw new Error('useFilling outside FillingContext');
  return f;
}
