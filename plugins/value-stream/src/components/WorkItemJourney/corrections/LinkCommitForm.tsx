import { Button, Flex, TextField } from '@backstage/ui';
import { useState } from 'react';

const SHA = /^[0-9a-f]{7,64}$/i;

/** Links a commit the keys missed, by its sha. */
export function LinkCommitForm(props: {
  busy: boolean;
  onLink: (sha: string) => void;
}) {
  const [sha, setSha] = useState('');
  const valid = SHA.test(sha.trim());
  return (
    <Flex gap="2" align="end">
      <TextField
        label="Commit sha"
        size="small"
        value={sha}
        onChange={setSha}
        placeholder="e.g. 3f2a9c1"
      />
      <Button
        size="small"
        variant="secondary"
        isDisabled={!valid || props.busy}
        onPress={() => {
          props.onLink(sha.trim().toLowerCase());
          setSha('');
        }}
      >
        Link commit
      </Button>
    </Flex>
  );
}
