// Draws the extension's icon (images/icon.svg) and renders it to images/icon.png (128×128) with
// the Debian Chromium through playwright-core. Run after `npm run setup:vscode` (which installs
// /usr/bin/chromium):  node scripts/render-icon.mjs [--size 128]
//
// The emblem: a sheet of paper with a folded corner; on it a blue laurel wreath open at the top
// around three numbered-paragraph lines, and grey text lines below.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sizeArg = process.argv.indexOf('--size');
const size = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 128;

const BLUE = '#1a73c8';
const BLUE_DARK = '#0f4f91';
const INK = '#9aa7b6';

const r = (n) => Math.round(n * 100) / 100;

// One branch of the wreath: leaves along an arc on the left (side = -1) or right (side = 1).
function branch(side) {
  const cx = 64, cy = 58, radius = 27;
  const parts = [];
  // Point on the circle at `deg` degrees from the bottom, going up this side.
  const pt = (deg) => {
    const t = (deg * Math.PI) / 180;
    return [cx + side * radius * Math.sin(t), cy + radius * Math.cos(t)];
  };
  const stemPts = [];
  for (let d = -14; d <= 160; d += 4) stemPts.push(pt(d));
  parts.push(`<path d="M ${stemPts.map(([x, y]) => `${r(x)} ${r(y)}`).join(' L ')}" fill="none" stroke="${BLUE_DARK}" stroke-width="2" stroke-linecap="round"/>`);
  // Leaves: pairs pointing outwards and inwards of the arc, tilted towards the top.
  const leaf = (x, y, angle, len, wid) =>
    `<ellipse cx="${r(x)}" cy="${r(y)}" rx="${r(len / 2)}" ry="${r(wid / 2)}" transform="rotate(${r(angle)} ${r(x)} ${r(y)})" fill="${BLUE}"/>`;
  const n = 7;
  for (let i = 0; i < n; i++) {
    const d = 24 + i * 19; // position along the arc
    const [x, y] = pt(d);
    const scale = 1 - i * 0.06;
    // Tangent direction (towards the top of the wreath).
    const [x2, y2] = pt(d + 1);
    const tangent = (Math.atan2(y2 - y, x2 - x) * 180) / Math.PI;
    const off = 4.2 * scale;
    const outward = tangent - side * 38;
    const inward = tangent + side * 38;
    const o = (ang) => [x + Math.cos((ang * Math.PI) / 180) * off, y + Math.sin((ang * Math.PI) / 180) * off];
    const [ox, oy] = o(outward);
    const [ix, iy] = o(inward);
    parts.push(leaf(ox, oy, outward, 10 * scale, 4.6 * scale));
    if (i < n - 1) parts.push(leaf(ix, iy, inward, 8.6 * scale, 4 * scale));
  }
  // A closing leaf at the tip.
  const [tx, ty] = pt(24 + n * 19 - 6);
  const [tx2, ty2] = pt(24 + n * 19 - 5);
  const tip = (Math.atan2(ty2 - ty, tx2 - tx) * 180) / Math.PI;
  parts.push(leaf(tx + Math.cos((tip * Math.PI) / 180) * 3, ty + Math.sin((tip * Math.PI) / 180) * 3, tip, 9, 4.2));
  return parts.join('\n    ');
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="paper" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#ffffff"/>
      <stop offset="1" stop-color="#eef3f8"/>
    </linearGradient>
    <filter id="shadow" x="-20%" y="-20%" width="140%" height="140%">
      <feDropShadow dx="0" dy="1.5" stdDeviation="2" flood-color="#0b2545" flood-opacity="0.35"/>
    </filter>
  </defs>
  <!-- sheet with a folded top-right corner -->
  <path d="M 24 8 H 88 L 108 28 V 116 a 4 4 0 0 1 -4 4 H 24 a 4 4 0 0 1 -4 -4 V 12 a 4 4 0 0 1 4 -4 Z" fill="url(#paper)" stroke="#c3cfdc" stroke-width="1" filter="url(#shadow)"/>
  <path d="M 88 8 V 24 a 4 4 0 0 0 4 4 H 108 Z" fill="#d5e0ec" stroke="#c3cfdc" stroke-width="1" stroke-linejoin="round"/>
  <!-- laurel wreath -->
  <g>
    ${branch(-1)}
    ${branch(1)}
  </g>
  <!-- numbered paragraphs inside the wreath -->
  <g stroke-linecap="round">
    <circle cx="52" cy="48" r="2.2" fill="${BLUE_DARK}"/>
    <line x1="58" y1="48" x2="78" y2="48" stroke="${INK}" stroke-width="3"/>
    <circle cx="52" cy="58" r="2.2" fill="${BLUE_DARK}"/>
    <line x1="58" y1="58" x2="76" y2="58" stroke="${INK}" stroke-width="3"/>
    <circle cx="52" cy="68" r="2.2" fill="${BLUE_DARK}"/>
    <line x1="58" y1="68" x2="72" y2="68" stroke="${INK}" stroke-width="3"/>
  </g>
  <!-- text below -->
  <g stroke="${INK}" stroke-width="3" stroke-linecap="round">
    <line x1="34" y1="98" x2="94" y2="98"/>
    <line x1="34" y1="107" x2="80" y2="107"/>
  </g>
</svg>
`;

mkdirSync(join(root, 'images'), { recursive: true });
writeFileSync(join(root, 'images', 'icon.svg'), svg);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const img = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${img}" width="${size}" height="${size}" style="display:block"></body></html>`);
  await page.locator('img').evaluate((el) => el.decode());
  const out = join(root, 'images', size === 128 ? 'icon.png' : `icon-${size}.png`);
  await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  console.log(`render-icon: wrote images/icon.svg and ${out.slice(root.length + 1)} (${size}×${size})`);
} finally {
  await browser.close();
}
