/**
 * A table under review (CSV/TSV, or one sheet of a workbook at a time): the cells with their
 * findings highlighted, the column headers kept, and per column "Redact column" (every body
 * cell as a whole-cell span) and "Skip column" (every finding in it rejected). Cells carry
 * their offsets in the laid-out text, so selecting inside a cell adds a span as in text, and
 * arrow keys move between highlighted values as in the text view.
 */
/* oxlint-disable jsx-a11y/prefer-tag-over-role, jsx-a11y/no-noninteractive-element-to-interactive-role, jsx-a11y/no-noninteractive-element-interactions --
   Marks stay inline text inside cells (role=button), with events delegated to the table. */
import { Fragment, useMemo, useState } from "react";
import type { KeyboardEvent, MouseEvent as ReactMouseEvent } from "react";
import type { Decision, Finding, SpanSelection } from "../../domain";
import type { DocumentReviewState, PlacedUnit } from "../../review/documentReview";
import { columnNames, columnState, headerRow } from "../../review/documentReview";
import { entityClass } from "../../text/colours";
import { segmentText } from "../../text/segments";
import { selectionOffsets } from "../HighlightView";

interface Props {
  state: DocumentReviewState;
  onToggle: (id: string) => void;
  onSelectSpan: (span: SpanSelection | null) => void;
  onRedactColumn: (sheet: string | null, column: number) => void;
  onSkipColumn: (sheet: string | null, column: number) => void;
}

const NONE: Finding[] = [];

const idOf = (t: EventTarget | null) => (t instanceof HTMLElement ? (t.closest("mark[data-id]") as HTMLElement | null)?.dataset.id : undefined);

interface CellProps {
  text: string;
  cell: PlacedUnit;
  findings: Finding[];
  decisions: Record<string, Decision>;
  /** The one highlighted value that is a tab stop (arrows move on from it). */
  tabStop: string | undefined;
}

function CellText({ text, cell, findings, decisions, tabStop }: CellProps) {
  const inside = findings.filter((f) => f.start < cell.end && f.end > cell.start && f.end > f.start);
  const local = inside.map((f) => ({ ...f, start: Math.max(f.start, cell.start) - cell.start, end: Math.min(f.end, cell.end) - cell.start }));
  const accepted = local.filter((f) => decisions[f.id] !== "rejected");
  const rejected = local.filter((f) => decisions[f.id] === "rejected");
  const segments = segmentText(cell.unit.text, [...accepted, ...rejected]);
  return (
    <>
      {segments.map((s) => {
        const piece = text.slice(cell.start + s.start, cell.start + s.end);
        const f = s.finding;
        if (!f) {
          return (
            <span key={s.start} data-start={cell.start + s.start}>
              {piece}
            </span>
          );
        }
        const isRejected = decisions[f.id] === "rejected";
        return (
          <mark
            key={s.start}
            id={`hl-${f.id}`}
            data-start={cell.start + s.start}
            data-id={f.id}
            className={`hl ${entityClass(f.entityType)}${isRejected ? " rejected" : ""}${f.manual ? " manual" : ""}`}
            role="button"
            aria-pressed={!isRejected}
            tabIndex={f.id === tabStop ? 0 : -1}
            aria-label={`${f.entityType}: ${piece}`}
            title={`${f.entityType}${isRejected ? " (kept)" : ""}`}
          >
            {piece}
          </mark>
        );
      })}
    </>
  );
}

export function TableReview({ state, onToggle, onSelectSpan, onRedactColumn, onSkipColumn }: Props) {
  const sheets = state.data.sheets.length > 0 ? state.data.sheets : [null];
  const [sheet, setSheet] = useState<string | null>(sheets[0] ?? null);
  const { review, doc } = state;

  const grid = useMemo(() => {
    const inSheet = doc.units.filter((p) => sheet === null || p.unit.sheet === sheet);
    // Sheet titles, document properties, defined names and the like have no cell: they are
    // listed beside the grid (workbook-wide ones under every sheet), not forced into a cell.
    const cells = inSheet.filter((c) => c.unit.row !== undefined && c.unit.column !== undefined);
    const outside = doc.units.filter(
      (p) => (p.unit.row === undefined || p.unit.column === undefined) && (sheet === null || p.unit.sheet === sheet || p.unit.sheet === undefined),
    );
    const rows = [...new Set(cells.map((c) => c.unit.row ?? 0))].sort((a, b) => a - b);
    const columns = [...new Set(cells.map((c) => c.unit.column ?? 0))].sort((a, b) => a - b);
    // One cell may hold several units (each string literal of a formula): all are shown.
    const at = new Map<string, PlacedUnit[]>();
    for (const c of cells) {
      const key = `${c.unit.row ?? 0}:${c.unit.column ?? 0}`;
      const list = at.get(key);
      if (list) list.push(c);
      else at.set(key, [c]);
    }
    const headers = columnNames(doc, sheet);
    // The row whose cells name the columns is shown as the header, not as data.
    const header = headerRow(doc, sheet);
    return { rows: rows.filter((r) => r !== header), columns, at, headers, outside };
  }, [doc, sheet]);

  // Each cell's findings, found once per change by binary search on the cells' offsets (a
  // sheet of thousands of cells must not scan every finding per cell).
  const byUnit = useMemo(() => {
    const map = new Map<number, Finding[]>();
    const units = doc.units;
    for (const f of review.findings) {
      if (f.end <= f.start) continue;
      let lo = 0;
      let hi = units.length - 1;
      let at = 0;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((units[mid] as PlacedUnit).start <= f.start) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      for (let i = at; i < units.length && (units[i] as PlacedUnit).start < f.end; i++) {
        const p = units[i] as PlacedUnit;
        if (p.end <= f.start) continue;
        const list = map.get(p.unit.unit);
        if (list) list.push(f);
        else map.set(p.unit.unit, [f]);
      }
    }
    return map;
  }, [doc, review.findings]);

  const ordered = useMemo(() => {
    const ids = new Set<string>();
    for (const u of grid.outside) for (const f of byUnit.get(u.unit.unit) ?? []) ids.add(f.id);
    for (const r of grid.rows) {
      for (const c of grid.columns) {
        for (const cell of grid.at.get(`${r}:${c}`) ?? []) for (const f of byUnit.get(cell.unit.unit) ?? []) ids.add(f.id);
      }
    }
    return [...ids];
  }, [grid, byUnit]);

  const onClick = (e: ReactMouseEvent<HTMLTableElement>) => {
    const id = idOf(e.target);
    if (id && window.getSelection()?.isCollapsed !== false) onToggle(id);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const id = idOf(e.target);
    if (!id) return;
    const i = ordered.indexOf(id);
    let next: string | undefined;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") next = ordered[i + 1];
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") next = ordered[i - 1];
    else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onToggle(id);
      return;
    } else return;
    e.preventDefault();
    if (next) document.getElementById(`hl-${next}`)?.focus();
  };
  const first = ordered[0];

  return (
    <div className="table-review">
      {state.data.sheets.length > 0 && (
        <div role="tablist" aria-label="Sheets" className="sheet-tabs">
          {state.data.sheets.map((s) => (
            <button key={s} type="button" role="tab" aria-selected={s === sheet} onClick={() => setSheet(s)}>
              {s}
            </button>
          ))}
        </div>
      )}
      <div className="table-scroll">
        <table
          className="review-table highlight-cells"
          aria-label={sheet ? `Sheet ${sheet}` : "Table"}
          onClick={onClick}
          onKeyDown={onKeyDown}
          onMouseUp={(e) => onSelectSpan(selectionOffsets(e.currentTarget, window.getSelection()))}
        >
          {grid.outside.length > 0 && (
            <caption>
              <ul className="outside-cells" aria-label="Outside the cells">
                {grid.outside.map((u) => (
                  <li key={u.unit.unit}>
                    <span className="unit-part">{u.unit.part.replace(/_/g, " ")}</span>
                    <CellText text={doc.text} cell={u} findings={byUnit.get(u.unit.unit) ?? NONE} decisions={review.decisions} tabStop={first} />
                  </li>
                ))}
              </ul>
            </caption>
          )}
          <thead>
            <tr>
              {grid.columns.map((c, position) => {
                const header = grid.headers.get(c) ?? "";
                const fallback = `Column ${position + 1}`;
                const stateNow = columnState(state, sheet, c);
                const empty = stateNow === "empty";
                // Numbers and empty cells are not analysed and are written as they are.
                const emptyTitle = empty ? "No text in this column to redact: numbers and empty cells are kept as they are" : undefined;
                return (
                  <th key={c} scope="col" aria-label={header || fallback}>
                    <div className="col-head">
                      <span className="col-name">{header || fallback}</span>
                      <span className="col-actions">
                        <button
                          type="button"
                          aria-pressed={stateNow === "redacted"}
                          aria-label={`Redact the whole column ${header || fallback}`}
                          disabled={empty}
                          title={emptyTitle}
                          onClick={() => onRedactColumn(sheet, c)}
                        >
                          Redact column
                        </button>
                        <button
                          type="button"
                          aria-pressed={stateNow === "skipped"}
                          aria-label={`Skip the column ${header || fallback}`}
                          disabled={empty}
                          title={emptyTitle}
                          onClick={() => onSkipColumn(sheet, c)}
                        >
                          Skip column
                        </button>
                      </span>
                    </div>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((r) => (
              <tr key={r}>
                {grid.columns.map((c) => {
                  const inCell = grid.at.get(`${r}:${c}`) ?? [];
                  return (
                    <td key={c}>
                      {inCell.map((cell, i) => (
                        <Fragment key={cell.unit.unit}>
                          {i > 0 && <br />}
                          <CellText text={doc.text} cell={cell} findings={byUnit.get(cell.unit.unit) ?? NONE} decisions={review.decisions} tabStop={first} />
                        </Fragment>
                      ))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
