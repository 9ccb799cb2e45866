/** The `<option>`s of a `<select>` whose choices are shown as they are sent: entity types, operator names. */
export function SelectOptions({ values }: { values: readonly string[] }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </>
  );
}
