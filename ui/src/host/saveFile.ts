/** Offers a blob as a download (browsers, and Electron's download handler, ask where to save). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function saveText(text: string, fileName: string): void {
  saveBlob(new Blob([text], { type: "text/plain;charset=utf-8" }), fileName);
}
