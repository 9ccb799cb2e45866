/**
 * The review list: one row per finding with an include checkbox. Rows are memoized so
 * toggling one re-renders one row, and long lists render in pages.
 */
import { memo, useMemo, useState } from "react";
import type { Decision, Finding, OperatorChoice, OperatorName } from "../domain";
import { OPERATORS } from "../domain";
import { colourSlot } from "../text/segments";

const PAGE = 200;

interface Props {
  text: string;
  findings: Finding[];
  decisions: Record<string, Decision>;
  operators: Record<string, OperatorChoice>;
  onDecide: (id: string, decision: Decision) => void;
  onDecideAll: (decision: Decision, entityType?: string) => void;
  onOperator: (entityType: string, operator: OperatorName) => void;
  onShow: (id: string) => void;
}

interface RowProps {
  finding: Finding;
  value: string;
  decision: Decision | undefined;
  onDecide: (id: string, decision: Decision) => void;
  onShow: (id: string) => void;
}

const Row = memo(function Row({ finding: f, value, decision, onDecide, onShow }: RowProps) {
  const accepted = decision === "accepted";
  const label = `Redact ${f.entityType} “${value}”`;
  return (
    <li className={`finding${accepted ? "" : " rejected"}`}>
      <input
        type="checkbox"
        checked={accepted}
        aria-label={label}
        onChange={(e) => onDecide(f.id, e.target.checked ? "accepted" : "rejected")}
      />
      <span className={`chip c${colourSlot(f.entityType)}`}>{f.entityType}</span>
      <button type="button" className="link finding-text" title="Show in text" onClick={() => onShow(f.id)}>
        {value}
      </button>
      <span className="score" title={f.explanation || undefined}>
        {f.manual ? "added" : f.score.toFixed(2)}
      </span>
    </li>
  );
});

export function FindingsList({ text, findings, decisions, operators, onDecide, onDecideAll, onOperator, onShow }: Props) {
  const [filter, setFilter] = useState<string>("");
  const [shown, setShown] = useState(PAGE);
  const types = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.entityType, (counts.get(f.entityType) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]);
  }, [findings]);
  const visible = useMemo(() => (filter ? findings.filter((f) => f.entityType === filter) : findings), [findings, filter]);
  const acceptedCount = useMemo(() => findings.filter((f) => decisions[f.id] === "accepted").length, [findings, decisions]);

  if (findings.length === 0) {
    return (
      <section className="findings empty-state" aria-label="Findings">
        <h2>Findings</h2>
        <p>No personal data found with the current settings.</p>
        <p className="hint">Select a span in the text to add one by hand, or lower the threshold in Settings.</p>
      </section>
    );
  }

  return (
    <section className="findings" aria-label="Findings">
      <header className="findings-head">
        <h2>
          Findings <span className="count">{acceptedCount} of {findings.length} redacted</span>
        </h2>
        <div className="row">
          <label>
            Type{" "}
            <select value={filter} onChange={(e) => setFilter(e.target.value)}>
              <option value="">All types</option>
              {types.map(([t, n]) => (
                <option key={t} value={t}>
                  {t} ({n})
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => onDecideAll("accepted", filter || undefined)}>
            Accept all
          </button>
          <button type="button" onClick={() => onDecideAll("rejected", filter || undefined)}>
            Reject all
          </button>
        </div>
        <details className="operators">
          <summary>How each type is replaced</summary>
          {types.map(([t]) => (
            <label key={t} className="op-row">
              <span className={`chip c${colourSlot(t)}`}>{t}</span>
              <select
                aria-label={`Operator for ${t}`}
                value={operators[t]?.type ?? operators.DEFAULT?.type ?? "replace"}
                onChange={(e) => onOperator(t, e.target.value as OperatorName)}
              >
                {OPERATORS.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </details>
      </header>
      <ul className="finding-list" aria-label="Findings list">
        {visible.slice(0, shown).map((f) => (
          <Row
            key={f.id}
            finding={f}
            value={text.slice(f.start, f.end)}
            decision={decisions[f.id]}
            onDecide={onDecide}
            onShow={onShow}
          />
        ))}
      </ul>
      {visible.length > shown && (
        <button type="button" className="more" onClick={() => setShown((n) => n + PAGE * 5)}>
          Show more ({visible.length - shown} not shown)
        </button>
      )}
    </section>
  );
}
