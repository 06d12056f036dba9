import { describe, expect, it } from 'vitest';
import { niceScale, shorten } from './scale';

describe('chart scale', () => {
  it('rounds the maximum up to a nice step', () => {
    expect(niceScale(7)).toEqual({ max: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(100)).toEqual({ max: 100, step: 20, ticks: [0, 20, 40, 60, 80, 100] });
    expect(niceScale(1234).max).toBe(1250);
    expect(niceScale(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
  });
  it('shortens long labels with an ellipsis', () => {
    expect(shorten('Trung tâm Y tế huyện Điện Biên Đông', 12)).toBe('Trung tâm Y…');
    expect(shorten('Năm', 12)).toBe('Năm');
  });
});
