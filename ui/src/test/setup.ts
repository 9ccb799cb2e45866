import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

// jsdom has no layout; the highlight view scrolls findings into view.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
