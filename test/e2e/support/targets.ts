import type { Page } from 'playwright-core';

export interface TargetProblem {
  target: string;
  problem: string;
}

/**
 * Person-mode sizes the issue sets: every target at least 64×64 CSS px with at least 8 px between
 * targets, and text at least `minTextPx`. Targets are what a finger presses: buttons, links, and the
 * labels that wrap form controls (the control itself may be visually hidden inside).
 */
export async function targetProblems(page: Page, root: string, minTextPx: number): Promise<{ targets: number; problems: TargetProblem[] }> {
  return page.evaluate(
    ({ root, minTextPx }) => {
      const scope = document.querySelector(root);
      if (!scope) return { targets: 0, problems: [{ target: root, problem: 'not on the page' }] };
      const name = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const targets = [...scope.querySelectorAll('button, a[href], label:has(input), [role="button"]')].filter(visible);
      const problems: { target: string; problem: string }[] = [];
      const rects = targets.map((el) => el.getBoundingClientRect());
      targets.forEach((el, i) => {
        const r = rects[i]!;
        if (r.width < 64 - 0.5 || r.height < 64 - 0.5) problems.push({ target: name(el), problem: `${Math.round(r.width)}×${Math.round(r.height)} px` });
        for (let j = i + 1; j < targets.length; j++) {
          const o = rects[j]!;
          if (targets[j]!.contains(el) || el.contains(targets[j]!)) continue;
          const dx = Math.max(o.left - r.right, r.left - o.right, 0);
          const dy = Math.max(o.top - r.bottom, r.top - o.bottom, 0);
          if (Math.max(dx, dy) < 8 - 0.5) problems.push({ target: `${name(el)} and ${name(targets[j]!)}`, problem: `${Math.round(Math.max(dx, dy))} px apart` });
        }
      });
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      const small = new Set<Element>();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !(node.textContent ?? '').trim() || !visible(parent)) continue;
        if (parseFloat(getComputedStyle(parent).fontSize) < minTextPx - 0.1) small.add(parent);
      }
      for (const el of small) problems.push({ target: name(el), problem: `text ${getComputedStyle(el).fontSize}` });

      // Text contrast of at least 7:1 at every size (stricter than WCAG AAA, which allows 4.5:1 for large
      // text). Disabled controls are exempt, as in WCAG. The background is the nearest one painted.
      const rgba = (css: string) => (css.match(/[\d.]+/g) ?? ['0', '0', '0', '0']).map(Number) as number[];
      const luminance = ([r, g, b]: number[]) => {
        const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
      };
      const backgroundOf = (el: Element | null): number[] => {
        for (let at = el; at; at = at.parentElement) {
          const bg = rgba(getComputedStyle(at).backgroundColor);
          if ((bg[3] ?? 1) > 0) return bg;
        }
        return [255, 255, 255, 1];
      };
      const checked = new Set<Element>();
      const walker2 = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      for (let node = walker2.nextNode(); node; node = walker2.nextNode()) {
        const parent = node.parentElement;
        if (!parent || checked.has(parent) || !(node.textContent ?? '').trim() || !visible(parent) || parent.closest(':disabled')) continue;
        checked.add(parent);
        const bg = backgroundOf(parent);
        const fg = rgba(getComputedStyle(parent).color);
        const a = fg[3] ?? 1;
        const blended = [0, 1, 2].map((i) => fg[i]! * a + bg[i]! * (1 - a));
        const [hi, lo] = [luminance(blended), luminance(bg)].sort((x, y) => y - x);
        const ratio = (hi! + 0.05) / (lo! + 0.05);
        if (ratio < 7 - 0.005) problems.push({ target: name(parent), problem: `contrast ${ratio.toFixed(2)}:1` });
      }
      return { targets: targets.length, problems };
    },
    { root, minTextPx },
  );
}
