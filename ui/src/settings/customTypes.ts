/**
 * Which entity types stay enabled when custom recognizers change. A type a custom recognizer
 * added is dropped with it (removed, retyped or never completed) unless something else still
 * finds it: otherwise the saved settings keep a type nothing finds, and the screen shows no
 * checkbox to untick it.
 */
import type { CustomRecognizer, UserSettings } from "../domain";

/** A recognizer the backend can store; one still being typed stays on screen only. */
export const isSavable = (r: CustomRecognizer): boolean => Boolean(r.pattern.trim() && r.entityType);

/** What a recognizer still lacks before it can be saved, as a sentence (null: nothing). */
export function missingForSave(r: CustomRecognizer): string | null {
  const missing = [r.entityType ? null : "an entity type", r.pattern.trim() ? null : "a pattern"].filter(Boolean);
  return missing.length === 0 ? null : `Not saved: give it ${missing.join(" and ")} to save it.`;
}

/**
 * `s.entities` without those of `types` that nothing finds any more: neither the engine's own
 * recognizers (`supported`), nor a deny list, nor one of `recognizers`.
 */
function withoutUnfound(s: UserSettings, types: string[], supported: string[], recognizers: CustomRecognizer[]): string[] {
  const found = (t: string) => supported.includes(t) || t in s.denyLists || recognizers.some((r) => r.entityType === t);
  const gone = new Set(types.filter((t) => !found(t)));
  return s.entities.filter((e) => !gone.has(e));
}

/**
 * Replaces recognizer `i`; a custom entity type is enabled with its recognizer (and the old
 * type dropped when nothing else finds it), so a new recognizer finds something at once.
 */
export function withRecognizer(s: UserSettings, i: number, next: CustomRecognizer, supported: string[]): UserSettings {
  const prev = s.recognizers[i];
  const recognizers = s.recognizers.map((x, j) => (j === i ? next : x));
  let entities = s.entities;
  if (prev && prev.entityType !== next.entityType) {
    entities = withoutUnfound(s, [prev.entityType], supported, recognizers);
    if (next.entityType && !entities.includes(next.entityType)) entities = [...entities, next.entityType];
  }
  return { ...s, recognizers, entities };
}

/** Removes recognizer `i`, and its type when nothing else finds it. */
export function withoutRecognizer(s: UserSettings, i: number, supported: string[]): UserSettings {
  const removed = s.recognizers[i];
  const recognizers = s.recognizers.filter((_, j) => j !== i);
  const entities = removed ? withoutUnfound(s, [removed.entityType], supported, recognizers) : s.entities;
  return { ...s, recognizers, entities };
}

/**
 * The settings as they are stored: recognizers still being typed are left out, and so are the
 * types only they would find.
 */
export function storableSettings(s: UserSettings, supported: string[]): UserSettings {
  const recognizers = s.recognizers.filter(isSavable);
  if (recognizers.length === s.recognizers.length) return s;
  const unsaved = s.recognizers.filter((r) => !isSavable(r)).map((r) => r.entityType);
  return { ...s, recognizers, entities: withoutUnfound(s, unsaved, supported, recognizers) };
}
