/** Injects one colour rule per entity type (see text/colours.ts); re-rendered only when the types change. */
import { useMemo } from "react";
import { useSettings } from "../settings/SettingsContext";
import { entityPalette, paletteCss } from "../text/colours";

export function EntityStyles() {
  const { info, settings } = useSettings();
  const key = [...(info?.entities ?? []), ...(settings?.recognizers ?? []).map((r) => r.entityType)].join(" ");
  const css = useMemo(() => paletteCss(entityPalette(key.split(" ").filter(Boolean))), [key]);
  return <style>{css}</style>;
}
