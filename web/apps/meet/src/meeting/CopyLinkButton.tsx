import { useState } from 'react';
import { texts } from '../texts';
import { Icon } from './Icon';

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function CopyLinkButton({ url, compact }: { url: string; compact?: boolean }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = async () => {
    setState((await copyText(url)) ? 'copied' : 'failed');
    window.setTimeout(() => setState('idle'), 2500);
  };
  const label = state === 'copied' ? texts.meeting.linkCopied : state === 'failed' ? texts.meeting.copyFailed : texts.meeting.copyLink;
  return (
    <button type="button" className={compact ? 'icon-btn' : 'btn btn-secondary btn-small'} onClick={() => void onClick()} aria-label={compact ? label : undefined} title={label}>
      <Icon name={state === 'copied' ? 'check' : 'copy'} size={18} />
      {!compact && <span aria-live="polite">{label}</span>}
    </button>
  );
}
