import type { ServerState } from '../hooks/use-server-status';

/** A shape per state, so that the state never depends on colour alone (the text says it too). */
export function StatusIcon({
  kind,
  className = 'size-6',
}: {
  kind: ServerState['kind'];
  className?: string;
}) {
  const common = {
    className: `${className} shrink-0`,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 2.5,
    strokeLinecap: 'round',
    strokeLinejoin: 'round',
    'aria-hidden': true,
    focusable: false,
  } as const;

  switch (kind) {
    case 'ready':
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="10" />
          <path d="m7.5 12.5 3 3 6-7" />
        </svg>
      );
    case 'not-ready':
      return (
        <svg {...common}>
          <path d="M12 3 2 21h20L12 3Z" />
          <path d="M12 10v5M12 18h.01" />
        </svg>
      );
    case 'unreachable':
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="10" />
          <path d="m8.5 8.5 7 7m0-7-7 7" />
        </svg>
      );
    case 'checking':
      return (
        <svg {...common} className={`${className} shrink-0 animate-spin`}>
          <path d="M21 12a9 9 0 1 1-6.2-8.56" />
        </svg>
      );
  }
}
