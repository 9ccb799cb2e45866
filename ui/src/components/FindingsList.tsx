/**
 * The review list: one row per finding with an include checkbox. Rows are memoized so
 * toggling one re-renders one row, and long lists render in pages. Choosing a row shows it in
 * the text and opens its actions (change its type, reject every occurrence of its value, add
 * the value to the allow list). The operator menu applies to this text; "Save as default"
 * stores a choice in Settings.
 */
import { memo, useMemo, useState } from "react";
import type { Decision, Finding, OperatorChoice, OperatorName } from "../domain";
import { OPERATORS } from "../domain";
import { entityClass } from "../text/colours";
import { SelectOptions } from "./SelectOptions";

const PAGE = 200;

interface Props {
  text: string;
  findings: Finding[];
  decisions: Record<string, Decision>;
  /** Operators used for this text (saved defaults plus this text's choices). */
  operators: Record<string, OperatorChoice>;
  /** The saved defaults, to show which choices are this text's only. */
  savedOperators: Record<string, OperatorChoice>;
  /** Types a finding can be changed to. */
  entityTypes: string[];
  /** False while settings cannot be saved (backend unreachable). */
  settingsEditable: boolean;
  onDecide: (id: string, decision: Decision) => void;
  onDecideAll: (decision: Decision, entityType?: string) => void;
  onDecideValue: (decision: Decision, value: string) => void;
  onRetype: (id: string, entityType: string) => void;
  onAllowValue: (value: string) => void;
  onOperator: (entityType: string, operator: OperatorName) => void;
  onSaveOperator: (entityType: string) => void;
  onShow: (id: string) => void;
  /** False where operators are not chosen per review (a document job uses the job's). */
  operatorChoice?: boolean;
  /** How a finding's value is shown when it has no text (an area of a page). */
  describeValue?: (f: Finding) => string;
}

interface RowProps {
  finding: Finding;
  value: string;
  decision: Decision | undefined;
  selected: boolean;
  onDecide: (id: string, decision: Decision) => void;
  onChoose: (id: string) => void;
}

const Row = memo(function Row({ finding: f, value, decision, selected, onDecide, onChoose }: RowProps) {
  const accepted = decision === "accepted";
  const label = `Redact ${f.entityType} “${value}”`;
  return (
    <li className={`finding${accepted ? "" : " rejected"}${selected ? " selected" : ""}`}>
      <input
        type="checkbox"
        checked={accepted}
        aria-label={label}
        onChange={(e) => onDecide(f.id, e.target.checked ? "accepted" : "rejected")}
      />
      <span className={`chip ${entityClass(f.entityType)}`} title={f.detectedType ? `Detected as ${f.detectedType}` : undefined}>
        {f.entityType}
      </span>
      <button type="button" className="link finding-text" title="Show in text and see actions" aria-expanded={selected} onClick={() => onChoose(f.id)}>
        {value}
      </button>
      <span className="score" title={f.explanation || undefined}>
        {f.manual ? "added" : f.score.toFixed(2)}
      </span>
    </li>
  );
});

export function FindingsList(props: Props) {
  const { text, findings, decisions, operators, savedOperators, onDecide, onDecideAll, onOperator, onSaveOperator, onShow } = props;
  const [filter, setFilter] = useState<string>("");
  const [shown, setShown] = useState(PAGE);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const types = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.entityType, (counts.get(f.entityType) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [findings]);
  const visible = useMemo(() => (filter ? findings.filter((f) => f.entityType === filter) : findings), [findings, filter]);
  const acceptedCount = useMemo(() => findings.filter((f) => decisions[f.id] === "accepted").length, [findings, decisions]);
  const chosen = chosenId ? findings.find((f) => f.id === chosenId) : undefined;
  const choose = (id: string) => {
    setChosenId((c) => (c === id ? null : id));
    onShow(id);
  };

  if (findings.length === 0) {
    return (
      <section className="findings empty-state" aria-label="Findings">
        <h2>Findings</h2>
        <p>No personal data found with the current settings.</p>
        <p className="hint">Select a span in the text to add one by hand, or lower the threshold in Settings.</p>
      </section>
    );
  }

  const defaultOp = (t: string) => savedOperators[t]?.type ?? savedOperators.DEFAULT?.type ?? "replace";
  return (
    <section className="findings" aria-label="Findings">
      <header className="findings-head">
        <h2>
          Findings <span className="count">{acceptedCount} of {findings.length} redacted</span>
        </h2>
        <ul className="legend" aria-label="Legend">
          {types.map(([t, n]) => (
            <li key={t}>
              <span className={`chip ${entityClass(t)}`}>{t}</span> <span className="count">{n}</span>
            </li>
          ))}
        </ul>
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
        {props.operatorChoice !== false && <details className="operators">
          <summary>How each type is replaced (this text)</summary>
          {types.map(([t]) => {
            const current = operators[t]?.type ?? operators.DEFAULT?.type ?? "replace";
            const differs = current !== defaultOp(t);
            return (
              <div key={t} className="op-row">
                <span className={`chip ${entityClass(t)}`}>{t}</span>
                <select aria-label={`Operator for ${t}`} value={current} onChange={(e) => onOperator(t, e.target.value as OperatorName)}>
                  <SelectOptions values={OPERATORS} />
                </select>
                {differs && (
                  <button
                    type="button"
                    disabled={!props.settingsEditable}
                    title={props.settingsEditable ? `Use ${current} for ${t} in every text` : "The engine is offline: settings cannot be saved now."}
                    onClick={() => onSaveOperator(t)}
                  >
                    Save as default
                  </button>
                )}
              </div>
            );
          })}
          <p className="hint">Changes here apply to this text only; Settings holds the defaults.</p>
        </details>}
        {chosen && <FindingActions {...props} finding={chosen} onClose={() => setChosenId(null)} />}
      </header>
      <ul className="finding-list" aria-label="Findings list">
        {visible.slice(0, shown).map((f) => (
          <Row
            key={f.id}
            finding={f}
            value={props.describeValue ? props.describeValue(f) : text.slice(f.start, f.end)}
            decision={decisions[f.id]}
            selected={f.id === chosenId}
            onDecide={onDecide}
            onChoose={choose}
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

function FindingActions({
  finding: f,
  text,
  findings,
  decisions,
  entityTypes,
  settingsEditable,
  onDecideValue,
  onRetype,
  onAllowValue,
  onClose,
}: Props & { finding: Finding; onClose: () => void }) {
  const value = text.slice(f.start, f.end);
  const same = findings.filter((x) => text.slice(x.start, x.end) === value);
  const acceptedSame = same.filter((x) => decisions[x.id] === "accepted").length;
  const shortValue = value.length > 40 ? `${value.slice(0, 37)}…` : value;
  const types = entityTypes.includes(f.entityType) ? entityTypes : [...entityTypes, f.entityType].sort();
  return (
    <fieldset className="finding-actions">
      <legend>
        Finding “<strong>{shortValue}</strong>”
      </legend>
      <label>
        Type{" "}
        <select aria-label="Type of this finding" value={f.entityType} onChange={(e) => onRetype(f.id, e.target.value)}>
          <SelectOptions values={types} />
        </select>
      </label>
      {f.detectedType && <span className="hint">detected as {f.detectedType}</span>}
      <div className="row wrap">
        <button type="button" disabled={acceptedSame === 0} onClick={() => onDecideValue("rejected", value)}>
          Reject all “{shortValue}” ({same.length})
        </button>
        <button
          type="button"
          disabled={!settingsEditable}
          title={settingsEditable ? "Never redact this value again (Settings → allow list)" : "The engine is offline: settings cannot be saved now."}
          onClick={() => onAllowValue(value)}
        >
          Add to allow list
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </fieldset>
  );
}
