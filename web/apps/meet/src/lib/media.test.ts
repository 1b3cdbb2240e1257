import { describe, expect, it } from 'vitest';
import { devicesSettled } from './media';

describe('devicesSettled', () => {
  const track = {};

  it('waits while a switched-on camera or microphone is still opening', () => {
    expect(devicesSettled({ cameraOn: true, camera: null, micOn: true, mic: null })).toBe(false);
    expect(devicesSettled({ cameraOn: true, camera: null, micOn: true, mic: track })).toBe(false);
    expect(devicesSettled({ cameraOn: true, camera: track, micOn: true, mic: null })).toBe(false);
  });

  it('is settled when every switched-on device has a track', () => {
    expect(devicesSettled({ cameraOn: true, camera: track, micOn: true, mic: track })).toBe(true);
  });

  it('does not wait for devices that are off (switched off by the user or after a failure)', () => {
    expect(devicesSettled({ cameraOn: false, camera: null, micOn: true, mic: track })).toBe(true);
    expect(devicesSettled({ cameraOn: true, camera: track, micOn: false, mic: null })).toBe(true);
    expect(devicesSettled({ cameraOn: false, camera: null, micOn: false, mic: null })).toBe(true);
  });
});
