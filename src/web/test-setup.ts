/**
 * jsdom set-up for the web component tests (antd needs matchMedia; jsdom lacks a few browser
 * APIs). Each web test file starts with `// @vitest-environment jsdom` and imports this file;
 * adding it to the vitest "unit" project's `setupFiles` makes the import redundant but harmless.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

if (typeof window !== 'undefined') {
  if (!window.matchMedia) {
    // answers width queries against the window's width (jsdom: 1024 px, a desktop layout)
    const matches = (query: string) => {
      const min = /min-width:\s*(\d+)px/.exec(query);
      const max = /max-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
      if (!min && !max) return false;
      return (!min || window.innerWidth >= Number(min[1])) && (!max || window.innerWidth <= Number(max[1]));
    };
    Object.defineProperty(window, 'matchMedia', {
      writable: true,
      configurable: true,
      value: (query: string) => ({
        matches: matches(query),
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }),
    });
  }

  // jsdom does not implement getComputedStyle for pseudo-elements; antd asks for them
  const getComputedStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = ((elt: Element) => getComputedStyle(elt)) as typeof window.getComputedStyle;

  if (!('ResizeObserver' in window)) {
    class ResizeObserver {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    Object.defineProperty(window, 'ResizeObserver', {
      writable: true,
      configurable: true,
      value: ResizeObserver,
    });
    Object.defineProperty(globalThis, 'ResizeObserver', {
      writable: true,
      configurable: true,
      value: ResizeObserver,
    });
  }

  if (!window.scrollTo || String(window.scrollTo).includes('not implemented')) {
    window.scrollTo = (() => {}) as typeof window.scrollTo;
  }
  Element.prototype.scrollIntoView ??= function scrollIntoView() {};

  afterEach(() => cleanup());
}
