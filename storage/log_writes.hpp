// storage/log_writes: a SQLite file layer (VFS) that hands each commit's write-ahead log frames to
// the kernel in one write, where SQLite writes two per page (the frame's header, then the page).
#pragma once

#include <cstdint>

struct sqlite3;

namespace mentorbot {

// The layer's name, registered (on top of the process's default VFS) on first use: a connection
// opened with it writes its log through the layer. Every other file of the connection (the
// database, its shared memory) is the default VFS's own, untouched.
//
// The layer holds the log's writes while they follow one another in the file and writes them as
// one when the commit frame's page has joined them (SQLite marks the last frame of a commit in
// its header), so every commit is in the kernel's hands before SQLite goes on to publish it to
// other connections, and before the commit returns. Anything else on the log (a read, a sync, a
// size, a write elsewhere in the file, closing) first writes what is held; so does a write after
// a read at the same place (SQLite rewriting the checksums of frames it read back), which is
// never held. At most 120 KiB are held: the default VFS writes less than 128 KiB a call (its
// seekAndWriteFd masks the length with 0x1ffff, and a longer write fails as SQLITE_FULL).
const char* joined_log_writes_vfs();

// Writes what `db`'s log still holds (nothing after a commit, by the rule above; the writer's log
// hook calls this after each commit all the same). Returns SQLite's result code.
int write_held_log(sqlite3* db);

// Writes the layer has made to log files in this process, and the bytes it held over a commit's
// end (0 unless the rule above missed one): for tests and benchmarks.
struct LogWriteCounts {
    std::uint64_t writes = 0;
    std::uint64_t held_past_commit = 0;
};
LogWriteCounts log_write_counts();

}  // namespace mentorbot
