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

/// A generic error handler and its context, saved to be restored, and whose it was.
typedef struct {
  void *handler;
  void *context;
  /// 0: libxml2's (per thread); 1: libxslt's (process-wide, stylesheet compilation).
  int xslt;
} gk_saved_handler;

/// Routes libxml2's generic errors of this thread (`xslt` 0) or libxslt's process-wide ones
/// (`xslt` 1) to `target`; returns the handler it replaces.
static inline gk_saved_handler gk_set_generic_error_target(gk_message_target *target, int xslt) {
  gk_saved_handler saved = {(void *)xmlGenericError, xmlGenericErrorContext, xslt};
  if (xslt) {
    saved.handler = (void *)xsltGenericError;
    saved.context = xsltGenericErrorContext;
    xsltSetGenericErrorFunc(target, gk_generic_error);
  } else {
    xmlSetGenericErrorFunc(target, gk_generic_error);
  }
  return saved;
}

/// Puts back the handler that `gk_set_generic_error_target` replaced.
static inline void gk_restore_generic_error(gk_saved_handler saved) {
  if (saved.xslt) {
    xsltSetGenericErrorFunc(saved.context, (xmlGenericErrorFunc)saved.handler);
  } else {
    xmlSetGenericErrorFunc(saved.context, (xmlGenericErrorFunc)saved.handler);
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

#endif
