/* The floor of benchmarks/export: writes the cells and formats a `boardpack export` wrote (its
 * BOARDPACK_WRITE_TRACE record; format in Sources/XLSXWriter/WriteTrace.swift) straight through
 * libxlsxwriter, with nothing else to do. Built and run by benchmarks/export.
 * Usage: floor TRACE OUT.xlsx */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define MAX_FIELDS 16
#define MAX_FORMATS 4096

static lxw_format *formats[MAX_FORMATS];

/* Splits `line` at tabs in place; returns the number of fields. */
static int split(char *line, char **fields) {
    int n = 0;
    fields[n++] = line;
    for (char *p = line; *p && n < MAX_FIELDS; p++) {
        if (*p == '\t') { *p = 0; fields[n++] = p + 1; }
        else if (*p == '\n') { *p = 0; break; }
    }
    return n;
}

/* Undoes the trace's escapes (\\ \n \t \r) in place. */
static char *unescape(char *s) {
    char *out = s, *in = s;
    while (*in) {
        if (*in == '\\' && in[1]) {
            in++;
            *out++ = *in == 'n' ? '\n' : *in == 't' ? '\t' : *in == 'r' ? '\r' : *in;
            in++;
        } else {
            *out++ = *in++;
        }
    }
    *out = 0;
    return s;
}

static lxw_format *format_of(const char *id) {
    int i = atoi(id);
    return i >= 0 && i < MAX_FORMATS ? formats[i] : NULL;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: floor TRACE OUT.xlsx\n"); return 2; }
    FILE *trace = fopen(argv[1], "r");
    if (!trace) { perror(argv[1]); return 1; }
    lxw_workbook *book = workbook_new(argv[2]);
    lxw_worksheet *sheet = NULL;
    char *line = NULL;
    size_t size = 0;
    char *f[MAX_FIELDS];
    while (getline(&line, &size, trace) > 0) {
        int n = split(line, f);
        switch (line[0]) {
        case 'D': {
            lxw_format *normal = STAILQ_FIRST(book->formats);
            format_set_font_name(normal, f[1]);
            format_set_font_size(normal, atof(f[2]));
            break;
        }
        case 'S': sheet = workbook_add_worksheet(book, f[1]); break;
        case 'F': {
            if (n < 16) break;
            lxw_format *x = workbook_add_format(book);
            if (*f[2]) format_set_font_name(x, f[2]);
            if (*f[3]) format_set_font_size(x, atof(f[3]));
            if (*f[4]) format_set_font_color(x, (lxw_color_t)strtoul(f[4], NULL, 10));
            if (*f[5] == '1') format_set_bold(x);
            if (*f[6] == '1') format_set_italic(x);
            if (*f[7] == '1') format_set_underline(x, LXW_UNDERLINE_SINGLE);
            if (*f[8]) { format_set_pattern(x, LXW_PATTERN_SOLID); format_set_bg_color(x, (lxw_color_t)strtoul(f[8], NULL, 10)); }
            if (*f[9]) format_set_num_format(x, unescape(f[9]));
            if (*f[10] == '1') format_set_text_wrap(x);
            if (!strcmp(f[11], "left")) format_set_align(x, LXW_ALIGN_LEFT);
            else if (!strcmp(f[11], "center")) format_set_align(x, LXW_ALIGN_CENTER);
            else if (!strcmp(f[11], "right")) format_set_align(x, LXW_ALIGN_RIGHT);
            if (!strcmp(f[12], "center")) format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
            else if (!strcmp(f[12], "top")) format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
            if (atoi(f[13]) > 0) format_set_indent(x, (uint8_t)atoi(f[13]));
            if (*f[14]) { format_set_border(x, LXW_BORDER_THIN); format_set_border_color(x, (lxw_color_t)strtoul(f[14], NULL, 10)); }
            if (*f[15] == '1') format_set_unlocked(x);
            int id = atoi(f[1]);
            if (id >= 0 && id < MAX_FORMATS) formats[id] = x;
            break;
        }
        case 'T': worksheet_write_string(sheet, atoi(f[1]), atoi(f[2]), unescape(f[4]), format_of(f[3])); break;
        case 'N': worksheet_write_number(sheet, atoi(f[1]), atoi(f[2]), atof(f[4]), format_of(f[3])); break;
        case 'B': worksheet_write_blank(sheet, atoi(f[1]), atoi(f[2]), format_of(f[3])); break;
        case 'M': worksheet_merge_range(sheet, atoi(f[1]), atoi(f[2]), atoi(f[3]), atoi(f[4]), unescape(f[6]), format_of(f[5])); break;
        case 'C': worksheet_set_column(sheet, atoi(f[1]), atoi(f[2]), atof(f[3]), format_of(f[4])); break;
        case 'H': worksheet_set_row(sheet, atoi(f[1]), atof(f[2]), NULL); break;
        }
    }
    free(line);
    fclose(trace);
    lxw_error error = workbook_close(book);
    if (error) { fprintf(stderr, "floor: %s\n", lxw_strerror(error)); return 1; }
    return 0;
}
