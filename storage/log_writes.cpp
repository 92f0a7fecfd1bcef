// storage/log_writes: a SQLite file layer (VFS) that hands each commit's write-ahead log frames to
// the kernel in one write, where SQLite writes two per page (the frame's header, then the page).
#include "storage/log_writes.hpp"

#include <sqlite3.h>

#include <atomic>
#include <cstddef>
#include <new>
#include <string>
#include <utility>

namespace mentorbot {

namespace {

// The log's format (https://www.sqlite.org/fileformat2.html#walformat): a 32-byte header, then
// frames of a 24-byte header and a page; bytes 4–7 of a frame's header (big-endian) are the
// database's size in pages after the commit for the last frame of a commit, and 0 otherwise.
constexpr int kFrameHeaderBytes = 24;
// What the layer holds at most (see the header): ~29 frames of 4 KiB pages.
constexpr std::size_t kMaxHeldBytes = 120 * 1024;

bool is_commit_frame_header(const void* data, int amount, sqlite3_int64 offset) {
    if (amount != kFrameHeaderBytes || offset == 0) return false;
    const auto* b = static_cast<const unsigned char*>(data);
    return (b[4] | b[5] | b[6] | b[7]) != 0;
}

std::atomic<std::uint64_t> writes{0};
std::atomic<std::uint64_t> held_past_commit{0};

// A log file: the default VFS's file (`real`, in the same allocation, after this) and what is
// held for it.
struct LogFile {
    sqlite3_file base;  // first: SQLite sees this
    sqlite3_file* real = nullptr;
    std::string held;                 // bytes written to SQLite, not yet to the file
    sqlite3_int64 held_at = 0;        // where they go
    bool commit_page_next = false;    // the last write was a commit frame's header
    sqlite3_int64 last_read_at = -1;  // where the last read began, until the next write
};

constexpr std::size_t kRealOffset = (sizeof(LogFile) + 15) & ~std::size_t{15};

sqlite3_vfs* below = nullptr;  // the default VFS at registration
sqlite3_vfs layer;

LogFile* as_log(sqlite3_file* file) {
    return reinterpret_cast<LogFile*>(file);
}

int write_held(LogFile& f) {
    if (f.held.empty()) return SQLITE_OK;
    writes.fetch_add(1, std::memory_order_relaxed);
    const int rc =
        f.real->pMethods->xWrite(f.real, f.held.data(), static_cast<int>(f.held.size()), f.held_at);
    f.held.clear();  // on failure too: SQLite fails the write (and its transaction) that caused it
    return rc;
}

int log_close(sqlite3_file* file) {
    LogFile& f = *as_log(file);
    const int written = write_held(f);
    const int rc = f.real->pMethods->xClose(f.real);
    f.~LogFile();
    return written != SQLITE_OK ? written : rc;
}

int log_read(sqlite3_file* file, void* data, int amount, sqlite3_int64 offset) {
    LogFile& f = *as_log(file);
    if (const int rc = write_held(f); rc != SQLITE_OK) return rc;
    f.last_read_at = offset;
    return f.real->pMethods->xRead(f.real, data, amount, offset);
}

int log_write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
    LogFile& f = *as_log(file);
    const bool rewrite = std::exchange(f.last_read_at, -1) == offset;
    const bool ends_commit = std::exchange(f.commit_page_next, false);
    const bool follows = !f.held.empty() && offset == f.held_at + std::ssize(f.held);
    if (!f.held.empty() && (!follows || rewrite)) {
        if (const int rc = write_held(f); rc != SQLITE_OK) return rc;
    }
    if (rewrite) {  // a frame read back and written again: never held
        writes.fetch_add(1, std::memory_order_relaxed);
        return f.real->pMethods->xWrite(f.real, data, amount, offset);
    }
    if (f.held.size() + static_cast<std::size_t>(amount) > kMaxHeldBytes) {
        if (const int rc = write_held(f); rc != SQLITE_OK) return rc;
    }
    if (f.held.empty()) f.held_at = offset;
    f.held.append(static_cast<const char*>(data), static_cast<std::size_t>(amount));
    f.commit_page_next = is_commit_frame_header(data, amount, offset);
    return ends_commit ? write_held(f) : SQLITE_OK;
}

int log_truncate(sqlite3_file* file, sqlite3_int64 size) {
    LogFile& f = *as_log(file);
    if (const int rc = write_held(f); rc != SQLITE_OK) return rc;
    return f.real->pMethods->xTruncate(f.real, size);
}

int log_sync(sqlite3_file* file, int flags) {
    LogFile& f = *as_log(file);
    if (const int rc = write_held(f); rc != SQLITE_OK) return rc;
    return f.real->pMethods->xSync(f.real, flags);
}

int log_file_size(sqlite3_file* file, sqlite3_int64* size) {
    LogFile& f = *as_log(file);
    if (const int rc = write_held(f); rc != SQLITE_OK) return rc;
    return f.real->pMethods->xFileSize(f.real, size);
}

int log_lock(sqlite3_file* file, int level) {
    sqlite3_file* real = as_log(file)->real;
    return real->pMethods->xLock(real, level);
}

int log_unlock(sqlite3_file* file, int level) {
    sqlite3_file* real = as_log(file)->real;
    return real->pMethods->xUnlock(real, level);
}

int log_check_reserved_lock(sqlite3_file* file, int* out) {
    sqlite3_file* real = as_log(file)->real;
    return real->pMethods->xCheckReservedLock(real, out);
}

int log_file_control(sqlite3_file* file, int op, void* arg) {
    LogFile& f = *as_log(file);
    if (const int rc = write_held(f); rc != SQLITE_OK) return rc;
    return f.real->pMethods->xFileControl(f.real, op, arg);
}

int log_sector_size(sqlite3_file* file) {
    sqlite3_file* real = as_log(file)->real;
    return real->pMethods->xSectorSize(real);
}

int log_device_characteristics(sqlite3_file* file) {
    sqlite3_file* real = as_log(file)->real;
    return real->pMethods->xDeviceCharacteristics(real);
}

// SQLite keeps its shared memory on the database file, not the log, and never maps the log;
// these pass on what the default VFS offers all the same.
int log_shm_map(sqlite3_file* file, int region, int size, int extend, void volatile** out) {
    sqlite3_file* real = as_log(file)->real;
    if (real->pMethods->iVersion < 2 || !real->pMethods->xShmMap) return SQLITE_IOERR_SHMMAP;
    return real->pMethods->xShmMap(real, region, size, extend, out);
}

int log_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
    sqlite3_file* real = as_log(file)->real;
    if (real->pMethods->iVersion < 2 || !real->pMethods->xShmLock) return SQLITE_IOERR_SHMLOCK;
    return real->pMethods->xShmLock(real, offset, n, flags);
}

void log_shm_barrier(sqlite3_file* file) {
    sqlite3_file* real = as_log(file)->real;
    if (real->pMethods->iVersion >= 2 && real->pMethods->xShmBarrier)
        real->pMethods->xShmBarrier(real);
}

int log_shm_unmap(sqlite3_file* file, int delete_flag) {
    sqlite3_file* real = as_log(file)->real;
    if (real->pMethods->iVersion < 2 || !real->pMethods->xShmUnmap) return SQLITE_OK;
    return real->pMethods->xShmUnmap(real, delete_flag);
}

int log_fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
    LogFile& f = *as_log(file);
    *out = nullptr;
    if (f.real->pMethods->iVersion < 3 || !f.real->pMethods->xFetch) return SQLITE_OK;
    if (const int rc = write_held(f); rc != SQLITE_OK) return rc;
    return f.real->pMethods->xFetch(f.real, offset, amount, out);
}

int log_unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
    sqlite3_file* real = as_log(file)->real;
    if (real->pMethods->iVersion < 3 || !real->pMethods->xUnfetch) return SQLITE_OK;
    return real->pMethods->xUnfetch(real, offset, page);
}

const sqlite3_io_methods log_methods = {
    3,
    log_close,
    log_read,
    log_write,
    log_truncate,
    log_sync,
    log_file_size,
    log_lock,
    log_unlock,
    log_check_reserved_lock,
    log_file_control,
    log_sector_size,
    log_device_characteristics,
    log_shm_map,
    log_shm_lock,
    log_shm_barrier,
    log_shm_unmap,
    log_fetch,
    log_unfetch,
};

// Files other than logs are opened by the default VFS in the layer's place: they are its own.
int layer_open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
    if (!(flags & SQLITE_OPEN_WAL)) return below->xOpen(below, name, file, flags, out_flags);
    auto* f = new (file) LogFile;
    f->base.pMethods = nullptr;  // until the real file is open: SQLite closes nothing
    f->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + kRealOffset);
    f->real->pMethods = nullptr;
    const int rc = below->xOpen(below, name, f->real, flags, out_flags);
    if (rc != SQLITE_OK) {
        if (f->real->pMethods) f->real->pMethods->xClose(f->real);
        f->~LogFile();
        return rc;
    }
    f->base.pMethods = &log_methods;
    return SQLITE_OK;
}

}  // namespace

const char* joined_log_writes_vfs() {
    static const char* const name = [] {
        below = sqlite3_vfs_find(nullptr);
        // The default VFS's own methods, but for xOpen and the size of a file: they are called
        // with the layer's sqlite3_vfs, which carries the default's pAppData.
        layer = *below;
        layer.szOsFile = static_cast<int>(kRealOffset) + below->szOsFile;
        layer.pNext = nullptr;
        layer.zName = "mentorbot-joined-log";
        layer.xOpen = layer_open;
        sqlite3_vfs_register(&layer, 0);
        return layer.zName;
    }();
    return name;
}

int write_held_log(sqlite3* db) {
    sqlite3_file* file = nullptr;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &file) != SQLITE_OK ||
        !file || file->pMethods != &log_methods)
        return SQLITE_OK;
    LogFile& f = *as_log(file);
    if (f.held.empty()) return SQLITE_OK;
    held_past_commit.fetch_add(f.held.size(), std::memory_order_relaxed);
    f.commit_page_next = false;
    return write_held(f);
}

LogWriteCounts log_write_counts() {
    return {writes.load(std::memory_order_relaxed),
            held_past_commit.load(std::memory_order_relaxed)};
}

}  // namespace mentorbot
