/** A (repository, branch) pair: repositories compare case-insensitively, branches exactly. */
export const branchKey = (repository: string, branch: string) =>
  `${repository.toLowerCase()}\u0000${branch}`;
