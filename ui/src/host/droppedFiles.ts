/**
 * Files from a drop, with dropped folders walked recursively (browsers hand over a folder as
 * one entry, not its files), each named by its path from the dropped item. Falls back to the flat file list where entries are unsupported.
 */

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    // Named by its path inside the dropped folder, so the output keeps the folder's tree.
    const path = entry.fullPath.replace(/^\/+/, "");
    out.push(path && path !== file.name ? new File([file], path, { type: file.type, lastModified: file.lastModified }) : file);
    return;
  }
  if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns at most ~100 entries per call: read until it returns none.
    for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
      for (const child of batch) await walk(child, out);
    }
  }
}

export async function filesFromDrop(data: DataTransfer): Promise<File[]> {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e === null)) return [...data.files];
  const out: File[] = [];
  for (const entry of entries) if (entry) await walk(entry, out);
  return out;
}
