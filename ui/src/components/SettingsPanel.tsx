/**
 * Everything about *how* Redacta redacts: entity types, threshold, operators with their
 * options, allow/deny lists and custom regex recognizers with a live test. Every change is
 * saved through the backend's settings API (see SettingsContext).
 */
import { useEffect, useId, useState } from "react";
import { describeError, useApi } from "../api/context";
import type { CustomRecognizer, OperatorChoice, OperatorName, RegexMatch, UserSettings } from "../domain";
import { OPERATORS } from "../domain";
import { missingForSave, withoutRecognizer, withRecognizer } from "../settings/customTypes";
import { useSettings } from "../settings/SettingsContext";
import { entityClass } from "../text/colours";
import { SelectOptions } from "./SelectOptions";

/** The input bounds of a score (a recognizer's, the minimum to report): 0 to 1 in steps a
 * user can tell apart. */
const SCORE_INPUT = { min: 0, max: 1, step: 0.05 };

const lines = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

function ListEditor({ label, value, onChange, hint }: { label: string; value: string[]; onChange: (v: string[]) => void; hint: string }) {
  const [text, setText] = useState(value.join("\n"));
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={4}
        value={text}
        onChange={(e) => {
          // Saved as typed (the settings debounce the writes): a list only committed on blur
          // was lost, or missed by an analysis, when the user went straight to another tab.
          setText(e.target.value);
          const next = lines(e.target.value);
          if (next.join("\n") !== value.join("\n")) onChange(next);
        }}
      />
      <p className="hint">{hint}</p>
    </div>
  );
}

function OperatorEditor({
  entity,
  choice,
  onChange,
  onRemove,
}: {
  entity: string;
  choice: OperatorChoice;
  onChange: (c: OperatorChoice) => void;
  onRemove?: () => void;
}) {
  return (
    <fieldset className="op-editor">
      <legend className="visually-hidden">Operator for {entity}</legend>
      <span className={`chip ${entityClass(entity)}`}>{entity}</span>
      <select
        aria-label={`Operator for ${entity}`}
        value={choice.type}
        onChange={(e) => onChange({ ...choice, type: e.target.value as OperatorName })}
      >
        <SelectOptions values={OPERATORS} />
      </select>
      {choice.type === "replace" && (
        <input
          aria-label={`Replacement for ${entity}`}
          placeholder={entity === "DEFAULT" ? "<ENTITY_TYPE>" : `<${entity}>`}
          value={choice.newValue ?? ""}
          onChange={(e) => onChange({ ...choice, newValue: e.target.value })}
        />
      )}
      {choice.type === "mask" && (
        <>
          <label className="inline">
            with
            <input
              aria-label={`Masking character for ${entity}`}
              className="narrow"
              maxLength={1}
              value={choice.maskingChar ?? "*"}
              onChange={(e) => onChange({ ...choice, maskingChar: e.target.value || "*" })}
            />
          </label>
          <label className="inline">
            up to
            <input
              aria-label={`Characters to mask for ${entity}`}
              className="narrow"
              type="number"
              min={1}
              value={choice.charsToMask ?? 100}
              onChange={(e) => onChange({ ...choice, charsToMask: Math.max(1, Number(e.target.value) || 1) })}
            />
            chars
          </label>
          <label className="inline">
            <input type="checkbox" checked={choice.fromEnd ?? false} onChange={(e) => onChange({ ...choice, fromEnd: e.target.checked })} />
            from end
          </label>
        </>
      )}
      {choice.type === "encrypt" && (
        <input
          aria-label={`Encryption key for ${entity}`}
          type="password"
          placeholder="16, 24 or 32 characters"
          value={choice.key ?? ""}
          onChange={(e) => onChange({ ...choice, key: e.target.value })}
        />
      )}
      {onRemove && (
        <button type="button" className="push-right" onClick={onRemove} aria-label={`Use DEFAULT for ${entity}`}>
          Use default
        </button>
      )}
    </fieldset>
  );
}

function RecognizerEditor({
  recognizer,
  onChange,
  onRemove,
}: {
  recognizer: CustomRecognizer;
  onChange: (r: CustomRecognizer) => void;
  onRemove: () => void;
}) {
  const api = useApi();
  const [sample, setSample] = useState("");
  const [matches, setMatches] = useState<RegexMatch[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Live test: debounced, cancelled when the pattern or sample changes again.
  useEffect(() => {
    if (!recognizer.pattern || !sample) return;
    const ctl = new AbortController();
    const t = setTimeout(() => {
      api
        .testRecognizer(recognizer, sample, ctl.signal)
        .then((m) => {
          setMatches(m);
          setError(null);
        })
        .catch((e: unknown) => {
          if (!ctl.signal.aborted) {
            setMatches(null);
            setError(describeError(e));
          }
        });
    }, 300);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [api, recognizer, sample]);

  const testing = Boolean(recognizer.pattern && sample);
  const unsaved = missingForSave(recognizer);
  return (
    <fieldset className="recognizer">
      <legend>{recognizer.name || "New recognizer"}</legend>
      <div className="row wrap">
        <label>
          Name <input value={recognizer.name} onChange={(e) => onChange({ ...recognizer, name: e.target.value })} />
        </label>
        <label>
          Entity type{" "}
          <input
            value={recognizer.entityType}
            onChange={(e) => onChange({ ...recognizer, entityType: e.target.value.toUpperCase().replace(/[^A-Z0-9_]/g, "_") })}
          />
        </label>
        <label>
          Score{" "}
          <input
            type="number"
            className="narrow"
            {...SCORE_INPUT}
            value={recognizer.score}
            onChange={(e) => onChange({ ...recognizer, score: Number(e.target.value) })}
          />
        </label>
        <button type="button" onClick={onRemove}>
          Remove
        </button>
      </div>
      <label className="field">
        Pattern (regular expression)
        <input className="mono" value={recognizer.pattern} onChange={(e) => onChange({ ...recognizer, pattern: e.target.value })} />
      </label>
      <label className="field">
        Test text
        <input value={sample} onChange={(e) => setSample(e.target.value)} placeholder="Type text to test the pattern live" />
      </label>
      <output className={error ? "error" : "hint"}>
        {!testing ? "" : error ?? (matches === null ? "" : matches.length === 0 ? "No match." : `${matches.length} match${matches.length > 1 ? "es" : ""}: ${matches.map((m) => `“${m.text}”`).join(", ")}`)}
      </output>
      {unsaved && <p className="error">{unsaved}</p>}
    </fieldset>
  );
}

/** A message as a sentence: ends with exactly one full stop. */
const sentence = (message: string | null) => `${(message ?? "").replace(/[.\s]+$/, "")}.`;

export function SettingsPanel() {
  const { settings, info, loadError, saveState, saveError, editable, update, retrySave, reload } = useSettings();

  if (loadError) {
    return (
      <div className="panel-state" role="alert">
        <p>Could not load your settings: {loadError}</p>
        <button type="button" onClick={reload}>
          Try again
        </button>
      </div>
    );
  }
  if (!settings || !info) return <p className="panel-state" aria-busy="true">Loading settings…</p>;

  const set = (change: (s: UserSettings) => UserSettings) => update(change);
  const entities = [
    ...new Set([...info.entities, ...settings.recognizers.map((r) => r.entityType).filter(Boolean), ...Object.keys(settings.denyLists)]),
  ].sort();
  const enabled = new Set(settings.entities);
  const defaultChoice: OperatorChoice = settings.operators.DEFAULT ?? { type: "replace" };

  return (
    <div className="settings">
      <header className="settings-head">
        <h1 className="visually-hidden">Settings</h1>
        <p className="hint">Saved on this computer by the local engine; used by every analysis.</p>
        <output className={`save-state${saveState === "error" || saveState === "rejected" ? " error" : ""}`}>
          {saveState === "saving"
            ? "Saving…"
            : saveState === "saved"
              ? "Saved"
              : saveState === "error"
                ? `Not saved: ${sentence(saveError)} Retrying…`
                : saveState === "rejected"
                  ? `Not saved: ${sentence(saveError)} Correct it to save; until then analyses use your last saved settings.`
                  : ""}
        </output>
        {saveState === "error" && editable && (
          <button type="button" onClick={retrySave}>
            Retry now
          </button>
        )}
      </header>
      {!editable && (
        <output className="notice">
          The engine is offline, so settings cannot be saved: editing is paused until it is back.
          {saveState === "error" ? " Your last change is kept here and will be saved then." : ""}
        </output>
      )}
      <fieldset className="settings-body" disabled={!editable}>
        <legend className="visually-hidden">Your settings</legend>
      <section aria-labelledby="set-entities">
        <h2 id="set-entities">What to find</h2>
        <div className="field">
          <label htmlFor="threshold">
            Minimum score: <output htmlFor="threshold">{settings.threshold.toFixed(2)}</output>
          </label>
          <input
            id="threshold"
            type="range"
            {...SCORE_INPUT}
            value={settings.threshold}
            onChange={(e) => set((s) => ({ ...s, threshold: Number(e.target.value) }))}
          />
          <p className="hint">Lower finds more (and more false alarms); higher finds only confident matches.</p>
        </div>
        <fieldset className="entity-grid">
          <legend>Entity types</legend>
          {entities.map((t) => (
            <label key={t} className="inline">
              <input
                type="checkbox"
                checked={enabled.has(t)}
                onChange={(e) =>
                  set((s) => ({ ...s, entities: e.target.checked ? [...s.entities, t] : s.entities.filter((x) => x !== t) }))
                }
              />
              <span className={`chip ${entityClass(t)}`}>{t}</span>
            </label>
          ))}
        </fieldset>
      </section>
      <section aria-labelledby="set-ops">
        <h2 id="set-ops">How to replace</h2>
        <p className="hint">
          DEFAULT applies to every type without its own rule. Pseudonymize gives consistent labels such as &lt;PERSON_1&gt; that
          the Restore tab can turn back.
        </p>
        <div className="op-grid">
          <OperatorEditor
            entity="DEFAULT"
            choice={defaultChoice}
            onChange={(c) => set((s) => ({ ...s, operators: { ...s.operators, DEFAULT: c } }))}
          />
          {Object.keys(settings.operators)
            .filter((t) => t !== "DEFAULT")
            .sort()
            .map((t) => (
              <OperatorEditor
                key={t}
                entity={t}
                choice={settings.operators[t] ?? defaultChoice}
                onChange={(c) => set((s) => ({ ...s, operators: { ...s.operators, [t]: c } }))}
                onRemove={() =>
                  set((s) => {
                    const operators = { ...s.operators };
                    delete operators[t];
                    return { ...s, operators };
                  })
                }
              />
            ))}
        </div>
        <AddTypeRule
          label="Add a rule for"
          action="Add rule"
          types={entities.filter((t) => !(t in settings.operators))}
          onAdd={(t) => set((s) => ({ ...s, operators: { ...s.operators, [t]: { ...defaultChoice } } }))}
        />
      </section>
      <section aria-labelledby="set-lists">
        <h2 id="set-lists">Allow and deny lists</h2>
        <ListEditor
          label="Allow list (never redacted)"
          hint="One word or phrase per line, e.g. your company name."
          value={settings.allowList}
          onChange={(v) => set((s) => ({ ...s, allowList: v }))}
        />
        {Object.entries(settings.denyLists).map(([t, words]) => (
          <ListEditor
            key={t}
            label={`Deny list: always ${t}`}
            hint="One per line. Remove all lines to drop this list."
            value={words}
            onChange={(v) =>
              set((s) => {
                const denyLists = { ...s.denyLists, [t]: v };
                if (v.length === 0) delete denyLists[t];
                return { ...s, denyLists };
              })
            }
          />
        ))}
        <AddTypeRule
          label="Always treat words as"
          action="Add deny list"
          types={entities.filter((t) => !(t in settings.denyLists))}
          onAdd={(t) => set((s) => ({ ...s, denyLists: { ...s.denyLists, [t]: [] } }))}
        />
      </section>
      <section aria-labelledby="set-recs">
        <h2 id="set-recs">Custom recognizers</h2>
        {settings.recognizers.map((r, i) => (
          <RecognizerEditor
            key={i}
            recognizer={r}
            onChange={(next) => set((s) => withRecognizer(s, i, next, info.supported))}
            onRemove={() => set((s) => withoutRecognizer(s, i, info.supported))}
          />
        ))}
        <button
          type="button"
          onClick={() =>
            set((s) => ({
              ...s,
              entities: s.entities.includes("CUSTOM_ID") ? s.entities : [...s.entities, "CUSTOM_ID"],
              recognizers: [...s.recognizers, { name: `custom_${s.recognizers.length + 1}`, entityType: "CUSTOM_ID", pattern: "", score: 0.8 }],
            }))
          }
        >
          Add recognizer
        </button>
      </section>
      </fieldset>
    </div>
  );
}

/** A type picker plus an add button (operator rules, deny lists). */
function AddTypeRule({ label, action, types, onAdd }: { label: string; action: string; types: string[]; onAdd: (t: string) => void }) {
  const [type, setType] = useState("");
  if (types.length === 0) return null;
  const chosen = types.includes(type) ? type : (types[0] as string);
  return (
    <div className="row add-rule">
      <label>
        {label}{" "}
        <select value={chosen} onChange={(e) => setType(e.target.value)}>
          <SelectOptions values={types} />
        </select>
      </label>
      <button type="button" onClick={() => onAdd(chosen)}>
        {action}
      </button>
    </div>
  );
}
