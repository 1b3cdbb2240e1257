import { useEffect, useRef } from 'react';

/** Plays `track` in the referenced media element while it is the element's track. */
function useTrackPlayback<E extends HTMLMediaElement>(track: MediaStreamTrack) {
  const ref = useRef<E>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.srcObject = new MediaStream([track]);
    el.play().catch(() => undefined);
    return () => {
      el.srcObject = null;
    };
  }, [track]);
  return ref;
}

export function VideoView({ track, mirrored, muted, className, label, fit }: { track: MediaStreamTrack; mirrored?: boolean; muted?: boolean; className?: string; label: string; fit?: 'cover' | 'contain' }) {
  const ref = useTrackPlayback<HTMLVideoElement>(track);
  return <video ref={ref} className={className} autoPlay playsInline muted={muted ?? true} aria-label={label} data-track-id={track.id} style={{ transform: mirrored ? 'scaleX(-1)' : undefined, objectFit: fit ?? 'cover' }} />;
}

export function AudioView({ track }: { track: MediaStreamTrack }) {
  const ref = useTrackPlayback<HTMLAudioElement>(track);
  return <audio ref={ref} autoPlay />;
}
