import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import type { DeviceView } from '../../domain/devices';
import type { Transport } from '../../sync/transport';
import { useAppServices } from '../app';
import { DeviceCard } from '../components/devices/device-card';
import { OfficeDataNotice } from '../components/office-data-notice';
import { PageHeading } from '../components/page-heading';
import { useOfficeData } from '../hooks/use-office-data';

const OFFLINE = 'The list of tablets is kept at the office, and this tablet has no connection to it right now. Connect to Wi-Fi or mobile data, then try again.';

/** "Devices" (admins and organisers): the organisation's tablets, and removing a lost or stolen one. */
export function DevicesScreen() {
  const { db, transport } = useAppServices();
  const devices = useOfficeData(useCallback((t: Transport) => t.listDevices(), []));
  const thisDevice = useLiveQuery(() => db.device.get('this'), [db]);
  const [message, setMessage] = useState('');

  async function revoke(device: DeviceView) {
    await transport.revokeDevice(device.id);
    setMessage(`${device.label} has been removed. It will delete everything Hearth kept on it the next time it connects.`);
    devices.reload();
  }

  const list = devices.kind === 'ready' ? devices.value : [];
  return (
    <>
      <PageHeading>Devices</PageHeading>
      <p>
        The tablets set up for your organisation. A tablet is set up when an organiser signs in on it. Remove one that is lost or stolen: it
        then wipes itself the next time it connects.
      </p>
      <p role="status" className={message ? 'notice' : undefined}>
        {message}
      </p>
      <OfficeDataNotice state={devices} onRetry={devices.reload} offline={OFFLINE} />
      {devices.kind === 'ready' && (
        <section aria-labelledby="devices-list">
          <h2 id="devices-list">Tablets ({list.length})</h2>
          {list.length === 0 ? (
            <p>No tablets yet. One appears here when an organiser signs in on it.</p>
          ) : (
            <ul className="card-list">
              {list.map((device) => (
                <DeviceCard key={device.id} device={device} isThisTablet={device.id === thisDevice?.deviceId} onRevoke={() => revoke(device)} />
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
