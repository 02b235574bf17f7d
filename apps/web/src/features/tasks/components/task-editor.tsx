import type { TaskView } from '@ciao/domain';
import { useSignedIn } from '../../../app/session-context';
import { TaskAgentsPanel } from './task-agents-panel';
import { TaskForm } from './task-form';
import { TaskVisibilityCheck } from './task-visibility-check';

/**
 * One task opened from the list: its form, its linked agents and the visibility check. Roles
 * without tasks.write see the same, read-only, and may still ask why an agent does not see it.
 */
export function TaskEditor({ task, onDone }: { task: TaskView; onDone: (saved?: TaskView) => void }) {
  const session = useSignedIn();
  const canWrite = session.capabilities.includes('tasks.write');
  const canSearchAgents = session.capabilities.includes('agents.read');
  return (
    <div className="space-y-4">
      <TaskForm task={task} readOnly={!canWrite} onDone={onDone} />
      <TaskAgentsPanel task={task} readOnly={!canWrite || !canSearchAgents} />
      {canSearchAgents && <TaskVisibilityCheck task={task} />}
    </div>
  );
}
