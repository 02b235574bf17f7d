import { RequestErrorMessage } from '../../../components/request-error-message';
import type { ServerState } from '../hooks/use-server-status';
import { ServerStateLabel } from './server-state-label';
import { StatusIcon } from './status-icon';

/** Each app's look for the notice (Tailwind classes): compact in the back-office, large on phones. */
export interface ServerStateNoticeStyles {
  box: string;
  headline: string;
  icon: string;
  reason: string;
  /** Colours per state, on top of `box`; the icon and the words say the state too. */
  tones: Record<ServerState['kind'], string>;
}

/**
 * The server state as a live region (screen readers announce changes): its icon, its words and,
 * when the server cannot be reached, why. Example: `<ServerStateNotice state={state} styles={NOTICE} />`.
 */
export function ServerStateNotice({
  state,
  styles,
}: {
  state: ServerState;
  styles: ServerStateNoticeStyles;
}) {
  return (
    <div role="status" className={`${styles.box} ${styles.tones[state.kind]}`}>
      <p className={styles.headline}>
        <StatusIcon kind={state.kind} className={styles.icon} />
        <ServerStateLabel kind={state.kind} />
      </p>
      {state.kind === 'unreachable' && (
        <p className={styles.reason}>
          <RequestErrorMessage error={state.error} />
        </p>
      )}
    </div>
  );
}
