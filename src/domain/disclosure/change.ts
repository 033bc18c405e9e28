import { changeFromPrevious, type Change } from '../stats';
import type { PublishedCell } from './cell';

/**
 * Change from the previous year computed from two *published* cells, so it can never reveal more than the
 * two figures do; null when either is suppressed or has no data.
 * @example publishedChange({ state: 'value', value: 110, n: 9 }, { state: 'value', value: 100, n: 8 }) // { absolute: 10, relative: 0.1 }
 */
export function publishedChange(current: PublishedCell, previous: PublishedCell): Change | null {
  if (current.state !== 'value' || previous.state !== 'value') return null;
  return changeFromPrevious(current.value, previous.value);
}
