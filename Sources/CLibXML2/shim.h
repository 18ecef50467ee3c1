#ifndef GUIDEKIT_CLIBXML2_SHIM_H
#define GUIDEKIT_CLIBXML2_SHIM_H

// libxml2 2.9.14's headers pull in ICU, whose types clash with Foundation's copy.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlschemas.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlsave.h>
#include <libxml/globals.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include <libxslt/security.h>
#include <libxslt/documents.h>
#include <libxslt/variables.h>
#include <libxslt/extensions.h>
#include <libexslt/exslt.h>

// Swift cannot implement C variadic callbacks, so libxml2's and libxslt's printf-style error
// handlers are written here and forward one formatted message to a non-variadic sink.

/// Receives one formatted message; `context` is the value given to the installer.
typedef void (*gk_message_sink)(void *context, const char *message);

typedef struct {
  void *context;
  gk_message_sink sink;
} gk_message_target;

static inline void gk_forward_message(void *target, const char *msg, va_list args) {
  char buffer[2048];
  vsnprintf(buffer, sizeof buffer, msg, args);
  gk_message_target *t = (gk_message_target *)target;
  if (t != NULL && t->sink != NULL) {
    t->sink(t->context, buffer);
  }
}

static inline void gk_generic_error(void *target, const char *msg, ...) {
  va_list args;
  va_start(args, msg);
  gk_forward_message(target, msg, args);
  va_end(args);
}

static inline void gk_silent_error(void *target, const char *msg, ...) {
  (void)target;
  (void)msg;
}

/// Routes libxml2's generic (unstructured) errors of this thread to `target`, or silences them.
static inline void gk_set_generic_error_target(gk_message_target *target) {
  if (target != NULL) {
    xmlSetGenericErrorFunc(target, gk_generic_error);
  } else {
    xmlSetGenericErrorFunc(NULL, gk_silent_error);
  }
}

/// Routes libxslt's process-wide generic errors (stylesheet compilation) to `target`.
static inline void gk_set_xslt_generic_error_target(gk_message_target *target) {
  if (target != NULL) {
    xsltSetGenericErrorFunc(target, gk_generic_error);
  } else {
    xsltSetGenericErrorFunc(NULL, gk_silent_error);
  }
}

/// Routes the errors of one XSLT transformation to `target`.
static inline void gk_set_transform_error_target(xsltTransformContextPtr ctxt, gk_message_target *target) {
  xsltSetTransformErrorFunc(ctxt, target, gk_generic_error);
}

/// Asks a running transformation to stop (from another thread): libxslt 1.1.35 has no
/// xsltStopTransform, but checks the context's state as it goes (CHECK_STOPPED).
static inline void gk_xslt_stop(xsltTransformContextPtr ctxt) {
  __atomic_store_n(&ctxt->state, XSLT_STATE_STOPPED, __ATOMIC_RELAXED);
}

/// xmlFree is a macro-like global function pointer that Swift cannot call directly.
static inline void gk_xml_free(void *p) { xmlFree(p); }

#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <errno.h>

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 or -1
/// with errno set (ENOSYS or EINVAL where the kernel or file system lacks it).
static inline int gk_rename_exchange(const char *a, const char *b) {
#if defined(__linux__) && defined(SYS_renameat2)
  return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */);
#else
  (void)a; (void)b;
  errno = ENOSYS;
  return -1;
#endif
}

#endif
