#ifndef MUAVU_CFILESYSTEM_H
#define MUAVU_CFILESYSTEM_H

/// Swaps two paths in one step: renameat2(2) with RENAME_EXCHANGE, relative to the working
/// directory. Glibc's Swift overlay does not export renameat2, so this is the one call muavu
/// makes to it. Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or kernel
/// cannot exchange).
int muavu_rename_exchange(const char *from, const char *to);

#endif
