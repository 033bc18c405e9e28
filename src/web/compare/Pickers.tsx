import { filterDimensions, type FilterDimension } from '../../domain/aggregation/filters';
import { defaultPolicy } from '../../domain/disclosure/policy';

/** Dimensions offered in published queries: none computed from a confidential answer (the budget band). */
const queryDimensions = filterDimensions.filter((d) => !defaultPolicy.confidentialDimensions.includes(d));
import { dimensionLabels, filterOptions, indicatorGroups } from './labels';

/** The ~40 dashboard indicators as checkboxes grouped by section, folded away once chosen. */
export function IndicatorPicker({ chosen, onChange, max = 40 }: { chosen: string[]; onChange: (codes: string[]) => void; max?: number }) {
  const toggle = (code: string, on: boolean) => onChange(on ? [...chosen, code].slice(0, max) : chosen.filter((c) => c !== code));
  return (
    <details className="picker">
      <summary>Choisir les indicateurs ({chosen.length} choisi{chosen.length > 1 ? 's' : ''})</summary>
      <div className="picker-groups">
        {indicatorGroups.map((g) => (
          <fieldset key={g.section} className="picker-group">
            <legend>{g.label}</legend>
            {g.items.map((i) => (
              <div className="check" key={i.code}>
                <input type="checkbox" id={`ind-${i.code}`} checked={chosen.includes(i.code)} onChange={(e) => toggle(i.code, e.target.checked)}
                  disabled={!chosen.includes(i.code) && chosen.length >= max} />
                <label htmlFor={`ind-${i.code}`}>{i.label}</label>
              </div>
            ))}
          </fieldset>
        ))}
      </div>
      <p className="hint">Au plus {max} indicateurs à la fois.</p>
    </details>
  );
}

export type FilterMap = Partial<Record<FilterDimension, string>>;

/** Band filters (at most 3, as the API allows): one select per dimension, "indifférent" by default. */
export function FilterPanel({ filters, onChange, idPrefix }: { filters: FilterMap; onChange: (f: FilterMap) => void; idPrefix: string }) {
  const count = Object.values(filters).filter(Boolean).length;
  return (
    <div>
      <p className="hint" id={`${idPrefix}-filters-hint`}>Au plus 3 filtres à la fois ({count} choisi{count > 1 ? 's' : ''}) : les tranches sont fixes pour protéger le secret des structures.</p>
      <div className="filter-grid">
        {queryDimensions.map((d) => (
          <div className="field" key={d}>
            <label htmlFor={`${idPrefix}-${d}`}>{dimensionLabels[d]}</label>
            <select id={`${idPrefix}-${d}`} value={filters[d] ?? ''} aria-describedby={`${idPrefix}-filters-hint`}
              disabled={!filters[d] && count >= 3}
              onChange={(e) => onChange({ ...filters, [d]: e.target.value || undefined })}>
              <option value="">Indifférent</option>
              {filterOptions(d).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          </div>
        ))}
      </div>
    </div>
  );
}

/** `kind:CS,qpv:inside` ⇄ { kind: 'CS', qpv: 'inside' }. */
export const filtersToParam = (f: FilterMap) => Object.entries(f).filter(([, v]) => v).map(([d, v]) => `${d}:${v}`).join(',');
export function filtersFromParam(s: string | null): FilterMap {
  const out: FilterMap = {};
  for (const pair of (s ?? '').split(',').filter(Boolean)) {
    const [d, v] = pair.split(':');
    if ((queryDimensions as string[]).includes(d) && v) out[d as FilterDimension] = v;
  }
  return out;
}
