/**
 * The entity type the add bar offers for a span the user selected: the type its shape makes
 * plain (an e-mail address, a web address, a phone number), else the type the user last added
 * in this session, so adding several missed places or IDs in a row needs no change each time
 * (PERSON, the most often missed type, until the first addition). Kept per tab in
 * sessionStorage, shared by the pasted-text and the document reviews; it is a type name,
 * never the selected text.
 */

export const FIRST_ADD_TYPE = "PERSON";
const STORAGE_KEY = "redacta.lastAddType";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
const WEB = /^(?:https?:\/\/|www\.)\S+$/i;
/** Digits with the separators phone numbers are written with; 7-15 digits (E.164's limit). */
const PHONE = /^\+?[\d\s().\-/]+$/;

/** The type `text`'s shape makes plain, or null. */
export function typeByShape(text: string): string | null {
  const value = text.trim();
  if (EMAIL.test(value)) return "EMAIL_ADDRESS";
  if (WEB.test(value)) return "URL";
  const digits = value.replace(/\D/g, "").length;
  if (PHONE.test(value) && digits >= 7 && digits <= 15) return "PHONE_NUMBER";
  return null;
}

/** The first of `wanted` that is among `choices` (any, while they are not known), else
 * PERSON, else the first choice: a `<select>` must show the type that will be sent. */
export function offeredType(wanted: readonly (string | null)[], choices: readonly string[]): string {
  const found = [...wanted, FIRST_ADD_TYPE].find((t) => t !== null && (choices.length === 0 || choices.includes(t)));
  return found ?? choices[0] ?? FIRST_ADD_TYPE;
}

/** What the add bar offers for `text`: its shape's type, else `lastUsed` (see `offeredType`). */
export function suggestAddType(text: string, lastUsed: string, choices: readonly string[]): string {
  return offeredType([typeByShape(text), lastUsed], choices);
}

/** The type the user last added in this tab (PERSON before the first addition). */
export function lastAddType(): string {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? FIRST_ADD_TYPE;
  } catch {
    return FIRST_ADD_TYPE; // storage refused (privacy settings): the default
  }
}

export function rememberAddType(entityType: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, entityType);
  } catch {
    // Not kept: the next selection offers its shape's type or PERSON.
  }
}
