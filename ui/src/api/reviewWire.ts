/**
 * The wire side of document review (`/api/v1/jobs/{id}/files/{index}/findings|preview|decisions`,
 * shapes from the generated schema): snake_case fields and code-point offsets in, the UI's
 * `DocumentData` (UTF-16 offsets) out, and decisions back the other way. Pure functions, so
 * the conversions are tested without a server.
 */
import type { DocumentAdded, DocumentData, DocumentFinding, DocumentKind, DocumentUnit, PageBox, PageSize } from "../domain";
import type { DocumentDecisions } from "../review/documentReview";
import { offsetMap } from "../text/offsets";
import type { components } from "./schema.gen";

type Schemas = components["schemas"];
export type WireFindings = Schemas["FileFindings"];
export type WirePreview = Schemas["FilePreview"];
export type WireDecisions = Required<Schemas["Decisions"]>;
type WireAdded = WireDecisions["added"][number];

const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

function toBox(b: number[] | null | undefined): PageBox | undefined {
  if (!b || b.length !== 4) return undefined;
  return [b[0] ?? 0, b[1] ?? 0, b[2] ?? 0, b[3] ?? 0];
}

export function fromWireDocument(jobId: string, preview: WirePreview, found: WireFindings): DocumentData {
  const units: DocumentUnit[] = preview.units.map((u) => ({
    unit: u.unit,
    text: u.text,
    part: u.part,
    sheet: opt(u.sheet),
    row: opt(u.row),
    column: opt(u.column),
    columnHeader: opt(u.column_header),
    page: opt(u.page),
  }));
  const texts = new Map(units.map((u) => [u.unit, u.text]));
  const findings = found.findings.map((f): DocumentFinding => {
    const loc = f.location;
    const out: DocumentFinding = { id: f.id, entityType: f.entity_type, score: f.score, explanation: f.explanation };
    const unit = opt(loc.unit);
    if (unit !== undefined && loc.start != null && loc.end != null) {
      const m = offsetMap(texts.get(unit) ?? "");
      out.unit = unit;
      out.start = m.toUtf16(loc.start);
      out.end = m.toUtf16(loc.end);
    }
    const box = toBox(loc.box);
    if (loc.page != null && box) {
      out.page = loc.page;
      out.box = box;
      out.boxes = (loc.boxes ?? []).map(toBox).filter((b): b is PageBox => b !== undefined);
    }
    if (f.decision) out.decision = f.decision;
    if (f.retyped_as) out.retypedAs = f.retyped_as;
    return out;
  });
  const added = found.added?.flatMap((a): DocumentAdded[] => {
    const loc = a.location;
    if (loc.unit != null && loc.start != null && loc.end != null) {
      const m = offsetMap(texts.get(loc.unit) ?? "");
      return [{ entityType: a.entity_type, unit: loc.unit, start: m.toUtf16(loc.start), end: m.toUtf16(loc.end) }];
    }
    const box = toBox(loc.box);
    return loc.page != null && box ? [{ entityType: a.entity_type, page: loc.page, box }] : [];
  });
  const kind: DocumentKind = found.kind;
  const pages: PageSize[] = (preview.pages ?? []).map((p) => ({ page: p.page, width: p.width, height: p.height }));
  return {
    jobId,
    index: found.index,
    name: found.name,
    kind,
    state: found.state,
    units,
    findings,
    counts: found.counts,
    sheets: preview.sheets ?? [],
    pages,
    ...(added ? { added } : {}),
  };
}

/** Decisions in the wire's shape: unit offsets converted to code points. */
export function toWireDecisions(data: DocumentData, d: DocumentDecisions): WireDecisions {
  const texts = new Map(data.units.map((u) => [u.unit, u.text]));
  return {
    rejected: d.rejected,
    retyped: d.retyped,
    added: d.added.map((a): WireAdded => {
      if ("unit" in a) {
        const m = offsetMap(texts.get(a.unit) ?? "");
        return { unit: a.unit, start: m.toCodePoint(a.start), end: m.toCodePoint(a.end), entity_type: a.entityType };
      }
      return { page: a.page, box: a.box, entity_type: a.entityType };
    }),
  };
}
