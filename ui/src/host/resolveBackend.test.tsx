import { afterEach, describe, expect, it } from "vitest";
import { captureFragmentToken, fragmentWithoutToken, resolveBackend, tokenFromFragment } from "./resolveBackend";

afterEach(() => {
  window.history.replaceState(null, "", "/");
  delete window.redacta;
});

describe("token from the URL fragment", () => {
  it("parses the token and keeps other fragment parameters", () => {
    expect(tokenFromFragment("#token=abc123")).toBe("abc123");
    expect(tokenFromFragment("#x=1&token=a%2Bb")).toBe("a+b");
    expect(tokenFromFragment("#x=1")).toBeNull();
    expect(tokenFromFragment("")).toBeNull();
    expect(fragmentWithoutToken("#token=abc&tab=restore")).toBe("#tab=restore");
    expect(fragmentWithoutToken("#token=abc")).toBe("");
  });

  it("strips the token from the address bar and keeps it for reloads of this tab", () => {
    window.history.replaceState(null, "", "/app/?q=1#token=s3cret");
    expect(captureFragmentToken()).toBe("s3cret");
    expect(window.location.href).not.toContain("s3cret");
    expect(window.location.pathname + window.location.search + window.location.hash).toBe("/app/?q=1");
    // After a reload the fragment is gone, the tab's sessionStorage still has it.
    expect(captureFragmentToken()).toBe("s3cret");
  });

  it("uses a same-origin (relative) base URL when served by the backend", async () => {
    window.history.replaceState(null, "", "/#token=t1");
    await expect(resolveBackend()).resolves.toEqual({ baseUrl: "", token: "t1" });
  });
});

describe("Electron bridge", () => {
  it("takes URL and token from window.redacta and ignores the fragment", async () => {
    window.history.replaceState(null, "", "/#token=from-url");
    window.redacta = { getBackend: async () => ({ baseUrl: "http://127.0.0.1:8123/", token: "from-bridge" }) };
    await expect(resolveBackend()).resolves.toEqual({ baseUrl: "http://127.0.0.1:8123", token: "from-bridge" });
  });
});
