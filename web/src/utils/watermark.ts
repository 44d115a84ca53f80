// The on-screen watermark (user, body, time) is painted once per minute into a small canvas tile
// and used as a repeating background of a click-through overlay.

export interface WatermarkOptions {
  width?: number;
  height?: number;
  angleDegrees?: number;
  font?: string;
  color?: string;
  lineHeight?: number;
}

/** Name, body and time: people see names, never login names (the audit log names the account). */
export function watermarkLines(displayName: string, bodyName: string, time: string): string[] {
  return [displayName, bodyName, time];
}

/** Returns a data: URL of one tile, or null where there is no canvas (tests, very old browsers). */
export function renderWatermarkTile(lines: readonly string[], options: WatermarkOptions = {}): string | null {
  if (typeof document === 'undefined') return null;
  const width = options.width ?? 340;
  const height = options.height ?? 220;
  const ratio = Math.min(2, Math.max(1, globalThis.devicePixelRatio || 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = canvas.getContext('2d');
  } catch {
    context = null;
  }
  if (!context) return null;
  context.scale(ratio, ratio);
  context.translate(width / 2, height / 2);
  context.rotate(((options.angleDegrees ?? -22) * Math.PI) / 180);
  context.font = options.font ?? '14px "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif';
  context.fillStyle = options.color ?? 'rgba(15, 40, 90, 0.085)';
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  const lineHeight = options.lineHeight ?? 22;
  const top = -((lines.length - 1) * lineHeight) / 2;
  lines.forEach((line, index) => context!.fillText(line, 0, top + index * lineHeight));
  try {
    return canvas.toDataURL('image/png');
  } catch {
    return null;
  }
}
