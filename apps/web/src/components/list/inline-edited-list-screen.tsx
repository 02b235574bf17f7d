import type { Capability } from '@ciao/domain';
import { Fragment, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/session-context';
import { PRIMARY_BUTTON } from '../text-field';
import { ActiveFilter } from './active-filter';
import { ACTIONS_CELL, ROW_ACTION, type Column } from './data-table';
import { ListResults } from './list-results';
import { ListSearch } from './list-search';
import { Notice } from './list-status';
import { ScreenHeader } from './screen-header';
import { useListState } from './use-list-state';

type ListQuery<Item> = Parameters<typeof ListResults<Item, string>>[0]['query'];

type ScreenText =
  | 'title'
  | 'intro'
  | 'introReadOnly'
  | 'searchHint'
  | 'filters.active'
  | 'columns.actions'
  | 'editLabel'
  | 'created'
  | 'saved'
  | 'empty'
  | 'emptyStart'
  | 'emptyReadOnly';

/** The catalogue namespaces that hold every {@link ScreenText} (checked by the compiler). */
export type InlineListTexts = 'subcontractors' | 'taskGroups';

/** What a form of such a screen is given: the row it edits (none to create) and how to close it. */
export interface InlineFormProps<Item> {
  item?: Item;
  onDone: (saved?: { name: string }) => void;
}

/**
 * A list whose rows are edited in place (no page of their own): task groups, subcontractors. The
 * texts come from one namespace of the catalogues (`title`, `intro`, `introReadOnly`, `searchHint`,
 * `filters.active`, `columns.actions`, `editLabel`, `created`, `saved`, `empty`, `emptyStart`,
 * `emptyReadOnly`), so every such screen reads and behaves the same.
 */
export function InlineEditedListScreen<Item extends { id: string; name: string }, Sort extends string>({
  texts,
  writeCapability,
  sortFields,
  useItems,
  columns,
  newLabel,
  renderForm,
  minWidth,
}: {
  texts: InlineListTexts;
  writeCapability: Capability;
  sortFields: readonly Sort[];
  useItems: (query: ReturnType<typeof useListState<Sort, 'active'>>['query']) => ListQuery<Item>;
  columns: readonly Column<Item, Sort>[];
  newLabel: string;
  /** Called, not mounted: the form's own component type stays the same from render to render. */
  renderForm: (props: InlineFormProps<Item>) => ReactNode;
  minWidth: string;
}) {
  const { t } = useTranslation();
  const text = (key: ScreenText, values: Record<string, unknown> = {}) =>
    t(`${texts}.${key}` as const, values);
  const headingId = useId();
  const canWrite = useSignedIn().capabilities.includes(writeCapability);
  const list = useListState({ sortFields, defaultSort: sortFields[0]!, filters: ['active'] });
  const [creating, setCreating] = useState(false);
  // There is no page for one row: the row being edited is the one the list gave.
  const [editing, setEditing] = useState<Item>();
  const [notice, setNotice] = useState<string>();
  const items = useItems(list.query);
  const filtered = list.state.q !== '' || Object.values(list.state.filters).some(Boolean);

  const editColumn: Column<Item, Sort> = {
    id: 'actions',
    header: text('columns.actions'),
    hiddenHeader: true,
    className: ACTIONS_CELL,
    cell: (item) => (
      <button
        type="button"
        aria-label={text('editLabel', { name: item.name })}
        className={ROW_ACTION}
        onClick={() => {
          setCreating(false);
          setNotice(undefined);
          setEditing(item);
        }}
      >
        {t('list.edit')}
      </button>
    ),
  };

  let empty = text('emptyReadOnly');
  if (filtered) empty = text('empty');
  else if (canWrite) empty = text('emptyStart');

  return (
    <div className="space-y-6">
      <ScreenHeader
        headingId={headingId}
        title={text('title')}
        intro={canWrite ? text('intro') : text('introReadOnly')}
        action={
          canWrite &&
          !creating && (
            <button
              type="button"
              className={PRIMARY_BUTTON}
              onClick={() => {
                setCreating(true);
                setEditing(undefined);
                setNotice(undefined);
              }}
            >
              {newLabel}
            </button>
          )
        }
      />

      <Notice message={notice} />

      {creating &&
        renderForm({
          onDone: (created) => {
            setCreating(false);
            if (created) setNotice(text('created', { name: created.name }));
          },
        })}
      {editing && (
        <Fragment key={editing.id}>
          {renderForm({
            item: editing,
            onDone: (saved) => {
              setEditing(undefined);
              if (saved) setNotice(text('saved', { name: saved.name }));
            },
          })}
        </Fragment>
      )}

      <ListSearch value={list.state.q} onSearch={list.setSearch} hint={text('searchHint')}>
        <ActiveFilter
          label={text('filters.active')}
          value={list.state.filters.active}
          onChange={(value) => list.setFilter('active', value)}
        />
      </ListSearch>

      <ListResults
        query={items}
        list={list}
        labelledBy={headingId}
        columns={canWrite ? [...columns, editColumn] : columns}
        rowKey={(item) => item.id}
        empty={empty}
        minWidth={minWidth}
      />
    </div>
  );
}
