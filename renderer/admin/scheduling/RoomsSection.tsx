import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from '../../../shared/contract/availability-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { Notice } from '../../components/Notice';
import { FormAlert } from '../../forms/FormAlert';
import { AddRoomForm } from './AddRoomForm';
import { EditRoomDialog } from './EditRoomDialog';

/** The clinic's rooms with their capacity, an Edit button each, and a form to add one. */
export function RoomsSection() {
  const { t } = useTranslation();
  const [rooms, setRooms] = useState<Room[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [editing, setEditing] = useState<Room | null>(null);
  // A key and a name, so the notice follows a language switch.
  const [notice, setNotice] = useState<{ key: 'admin.scheduling.rooms.created' | 'admin.scheduling.rooms.updated'; name: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setRooms((await call('rooms.list', {})).rooms);
      setLoadError(null);
    } catch (error) {
      setLoadError(errorCodeOf(error));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card" aria-labelledby="rooms-title" data-testid="rooms">
      <h2 id="rooms-title" className="card-heading">
        {t('admin.scheduling.rooms.title')}
      </h2>
      <p className="card-text">{t('admin.scheduling.rooms.lead')}</p>
      {notice && (
        <Notice tone="success" testId="rooms-notice">
          {t(notice.key, { name: notice.name })}
        </Notice>
      )}
      <FormAlert code={loadError} />
      {rooms === null && !loadError ? (
        <p className="muted">{t('common.loading')}</p>
      ) : rooms && rooms.length === 0 ? (
        <p className="empty-state">{t('admin.scheduling.rooms.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="rooms-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.scheduling.rooms.columns.name')}</th>
                <th scope="col">{t('admin.scheduling.rooms.columns.capacity')}</th>
                <th scope="col">{t('admin.scheduling.rooms.columns.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.scheduling.rooms.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(rooms ?? []).map((room) => (
                <tr key={room.id} data-room-id={room.id}>
                  <td className="cell-primary">{room.name}</td>
                  <td>{t('admin.scheduling.rooms.people', { count: room.capacity })}</td>
                  <td>
                    {room.active ? (
                      <span className="badge badge--success">{t('admin.scheduling.rooms.status.active')}</span>
                    ) : (
                      <span className="badge badge--muted">{t('admin.scheduling.rooms.status.inactive')}</span>
                    )}
                  </td>
                  <td className="table__actions">
                    <button type="button" className="button button--ghost button--small" onClick={() => setEditing(room)}>
                      {t('admin.scheduling.rooms.edit')}
                      <span className="visually-hidden"> {room.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddRoomForm
        onCreated={(room) => {
          setNotice({ key: 'admin.scheduling.rooms.created', name: room.name });
          void load();
        }}
      />
      {editing && (
        <EditRoomDialog
          room={editing}
          onClose={() => setEditing(null)}
          onSaved={(room) => {
            setEditing(null);
            setNotice({ key: 'admin.scheduling.rooms.updated', name: room.name });
            void load();
          }}
        />
      )}
    </section>
  );
}
