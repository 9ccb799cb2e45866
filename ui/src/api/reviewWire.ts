/**
 * The wire side of document review (`/api/v1/jobs/{id}/files/{index}/findings|preview|decisions`):
 * snake_case fields and code-point offsets in, the UI's `DocumentData` (UTF-16 offsets) out,
 * and decisions back the other way. Pure functions, so the conversions are tested without a
 * server.
 */
import type { DocumentData, DocumentFinding, DocumentKind, DocumentUnit, PageBox, PageSize } from "../domain";
import type { DocumentDecisions } from "../review/documentReview";
import { offsetMap } from "../text/offsets";

export interface WireUnit {
  unit?: number;
  text: string;
  part?: string;
  sheet?: string | null;
  row?: number | null;
  column?: number | null;
  column_header?: string | null;
  page?: number | null;
}

export interface WireLocation {
  unit?: number | null;
  start?: number | null;
  end?: number | null;
  page?: number | null;
  box?: number[] | null;
  boxes?: number[][] | null;
}

export interface WireFinding {
  id: string;
  entity_type: string;
  score?: number;
  explanation?: string | null;
  location: WireLocation;
}

export interface WireFindings {
  index: number;
  name: string;
  kind: string;
  state: string;
  findings: WireFinding[];
  counts?: Record<string, number>;
}

export interface WirePreview {
  kind: string;
  units: WireUnit[];
  sheets?: string[] | null;
  pages?: { page: number; width: number; height: number }[] | null;
}

export type WireAdded = { unit: number; start: number; end: number; entity_type: string } | { page: number; box: PageBox; entity_type?: string };

export interface WireDecisions {
  rejected: string[];
  added: WireAdded[];
  retyped: Record<string, string>;
}

export interface WireDecided {
  index: number;
  state: string;
  counts?: Record<string, number>;
  output?: string | null;
}

const KINDS: readonly DocumentKind[] = ["text", "table", "docx", "pages"];
const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

function toBox(b: number[] | null | undefined): PageBox | undefined {
  if (!b || b.length !== 4) return undefined;
  return [b[0] ?? 0, b[1] ?? 0, b[2] ?? 0, b[3] ?? 0];
}

export function fromWireDocument(jobId: string, preview: WirePreview, found: WireFindings): DocumentData {
  const units: DocumentUnit[] = preview.units.map((u, i) => ({
    unit: u.unit ?? i,
    text: u.text,
    part: u.part ?? "body",
    sheet: opt(u.sheet),
    row: opt(u.row),
    column: opt(u.column),
    columnHeader: opt(u.column_header),
    page: opt(u.page),
  }));
  const texts = new Map(units.map((u) => [u.unit, u.text]));
  const findings = found.findings.map((f): DocumentFinding => {
    const loc = f.location;
    const out: DocumentFinding = { id: f.id, entityType: f.entity_type, score: f.score ?? 1, explanation: f.explanation ?? "" };
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
    return out;
  });
  const kind = (KINDS as readonly string[]).includes(found.kind) ? (found.kind as DocumentKind) : "text";
  const pages: PageSize[] = (preview.pages ?? []).map((p) => ({ page: p.page, width: p.width, height: p.height }));
  return {
    jobId,
    index: found.index,
    name: found.name,
    kind,
    state: found.state,
    units,
    findings,
    counts: found.counts ?? {},
    sheets: preview.sheets ?? [],
    pages,
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
