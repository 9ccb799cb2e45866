/**
 * Saves a result: Electron's native save dialog when the bridge offers one, else a download
 * (browsers ask where to save, or use the downloads folder).
 */
export async function saveBlob(blob: Blob, fileName: string): Promise<void> {
  const bridge = window.redacta;
  if (bridge?.saveResult) {
    await bridge.saveResult(fileName, new Uint8Array(await blob.arrayBuffer()));
    return;
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function saveText(text: string, fileName: string): Promise<void> {
  const bridge = window.redacta;
  if (bridge?.saveResult) {
    await bridge.saveResult(fileName, text);
    return;
  }
  await saveBlob(new Blob([text], { type: "text/plain;charset=utf-8" }), fileName);
}
