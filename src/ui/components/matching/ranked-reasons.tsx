/** "Tom (ranked 2): lives too far from Peter": ranked carers, each with the reason that goes with them. */
export function RankedReasons({ carers }: { carers: readonly { carerId: string; name: string; rank: number; reason: string }[] }) {
  return (
    <ul>
      {carers.map((c) => (
        <li key={c.carerId}>
          <strong>
            {c.name} (ranked {c.rank})
          </strong>
          : {c.reason}
        </li>
      ))}
    </ul>
  );
}
