// shim.h: re-exports the htslib macros, variadics and struct accesses that Swift cannot import.
// Only the VCFIO module imports this (internal import); every wrapper is `chts_<what it wraps>`.
#ifndef NEXTLINE_CHTSLIB_SHIM_H
#define NEXTLINE_CHTSLIB_SHIM_H
#include <stdlib.h>
#include <string.h>
#include <htslib/hts.h>
#include <htslib/hts_log.h>
#include <htslib/hfile.h>
#include <htslib/bgzf.h>
#include <htslib/kstring.h>
#include <htslib/tbx.h>
#include <htslib/vcf.h>
#include <htslib/faidx.h>
#include <htslib/sam.h>
#include <errno.h>
#include <unistd.h>

/// Wraps: bcf_hdr_nsamples(hdr)
static inline int chts_hdr_nsamples(const bcf_hdr_t *h) { return bcf_hdr_nsamples(h); }
/// Wraps: hdr->samples[i]
static inline const char *chts_hdr_sample(const bcf_hdr_t *h, int i) { return h->samples[i]; }
/// Wraps: hdr->n[BCF_DT_CTG]
static inline int chts_hdr_ncontigs(const bcf_hdr_t *h) { return h->n[BCF_DT_CTG]; }
/// Wraps: hdr->id[BCF_DT_CTG][i].key
static inline const char *chts_hdr_contig_name(const bcf_hdr_t *h, int i) { return h->id[BCF_DT_CTG][i].key; }
/// Wraps: hdr->id[BCF_DT_CTG][i].val->info[0] (the ##contig length, 0 when absent)
static inline int64_t chts_hdr_contig_length(const bcf_hdr_t *h, int i) {
    const bcf_idinfo_t *v = h->id[BCF_DT_CTG][i].val;
    return v ? (int64_t)v->info[0] : 0;
}
/// Wraps: hdr->nhrec
static inline int chts_hdr_nhrec(const bcf_hdr_t *h) { return h->nhrec; }
/// Wraps: hdr->hrec[i]
static inline bcf_hrec_t *chts_hdr_hrec(const bcf_hdr_t *h, int i) { return h->hrec[i]; }
/// Wraps: bcf_hdr_idinfo_exists + bcf_hdr_id2type/number/length for INFO (kind 0) or FORMAT (kind 1).
/// Returns 0 when the tag is not declared; else fills type (BCF_HT_*), number and length (BCF_VL_*).
static inline int chts_hdr_tag_info(const bcf_hdr_t *h, int is_format, const char *tag, int *type, int *number, int *vl) {
    int id = bcf_hdr_id2int(h, BCF_DT_ID, tag);
    int hl = is_format ? BCF_HL_FMT : BCF_HL_INFO;
    if (id < 0 || !bcf_hdr_idinfo_exists(h, hl, id)) return 0;
    *type = bcf_hdr_id2type(h, hl, id);
    *number = bcf_hdr_id2number(h, hl, id);
    *vl = bcf_hdr_id2length(h, hl, id);
    return 1;
}
/// Wraps: the Description of an INFO/FORMAT header line (NULL when absent).
static inline const char *chts_hdr_tag_description(const bcf_hdr_t *h, int is_format, const char *tag) {
    bcf_hrec_t *r = bcf_hdr_get_hrec(h, is_format ? BCF_HL_FMT : BCF_HL_INFO, "ID", tag, NULL);
    if (!r) return NULL;
    int k = bcf_hrec_find_key(r, "Description");
    return k < 0 ? NULL : r->vals[k];
}
/// Wraps: bcf_get_info_float
static inline int chts_get_info_float(const bcf_hdr_t *h, bcf1_t *v, const char *tag, float **dst, int *n) {
    return bcf_get_info_float(h, v, tag, dst, n);
}
/// Wraps: bcf_get_info_int32
static inline int chts_get_info_int32(const bcf_hdr_t *h, bcf1_t *v, const char *tag, int32_t **dst, int *n) {
    return bcf_get_info_int32(h, v, tag, dst, n);
}
/// Wraps: bcf_get_info_string
static inline int chts_get_info_string(const bcf_hdr_t *h, bcf1_t *v, const char *tag, char **dst, int *n) {
    return bcf_get_info_string(h, v, tag, dst, n);
}
/// Wraps: bcf_get_info_flag
static inline int chts_get_info_flag(const bcf_hdr_t *h, bcf1_t *v, const char *tag) {
    return bcf_get_info_flag(h, v, tag, NULL, NULL);
}
/// Wraps: bcf_get_format_float
static inline int chts_get_format_float(const bcf_hdr_t *h, bcf1_t *v, const char *tag, float **dst, int *n) {
    return bcf_get_format_float(h, v, tag, dst, n);
}
/// Wraps: bcf_get_format_int32
static inline int chts_get_format_int32(const bcf_hdr_t *h, bcf1_t *v, const char *tag, int32_t **dst, int *n) {
    return bcf_get_format_int32(h, v, tag, dst, n);
}
/// Wraps: bcf_get_format_char (one string per sample, fixed width)
static inline int chts_get_format_char(const bcf_hdr_t *h, bcf1_t *v, const char *tag, char **dst, int *n) {
    return bcf_get_format_char(h, v, tag, dst, n);
}
/// Wraps: bcf_get_genotypes
static inline int chts_get_genotypes(const bcf_hdr_t *h, bcf1_t *v, int32_t **dst, int *n) {
    return bcf_get_genotypes(h, v, dst, n);
}
/// Whether the record's values of FORMAT `tag` are stored as numbers (BCF_BT_INT8/16/32 or FLOAT), the only
/// types bcf_get_format_values converts: any other (a GT that parsed as text) makes htslib 1.16 call exit(1)
/// from inside the getter. 1 = numeric, 0 = present but not numeric, -1 = absent.
static inline int chts_fmt_is_numeric(const bcf_hdr_t *h, bcf1_t *v, const char *tag) {
    bcf_fmt_t *f = bcf_get_fmt((bcf_hdr_t *) h, v, tag);
    if (!f || !f->p) return -1;
    switch (f->type) {
        case BCF_BT_INT8: case BCF_BT_INT16: case BCF_BT_INT32: case BCF_BT_FLOAT: return 1;
        default: return 0;
    }
}
/// Wraps: bcf_int32_missing / bcf_int32_vector_end
static inline int32_t chts_int32_missing(void) { return bcf_int32_missing; }
static inline int32_t chts_int32_vector_end(void) { return bcf_int32_vector_end; }
/// Wraps: bcf_float_is_missing / bcf_float_is_vector_end
static inline int chts_float_is_missing(float f) { return bcf_float_is_missing(f); }
static inline int chts_float_is_vector_end(float f) { return bcf_float_is_vector_end(f); }
/// Wraps: bcf_gt_is_missing / bcf_gt_allele
static inline int chts_gt_is_missing(int32_t g) { return bcf_gt_is_missing(g); }
static inline int chts_gt_allele(int32_t g) { return bcf_gt_allele(g); }
/// Wraps: bcf_gt_is_phased (the separator before this allele is '|')
static inline int chts_gt_is_phased(int32_t g) { return bcf_gt_is_phased(g); }
/// Wraps: rec->d.allele[i]
static inline const char *chts_rec_allele(const bcf1_t *v, int i) { return v->d.allele[i]; }
/// Wraps: bcf_hdr_int2id(hdr, BCF_DT_ID, rec->d.flt[i])
static inline const char *chts_rec_filter(const bcf_hdr_t *h, const bcf1_t *v, int i) {
    return bcf_hdr_int2id(h, BCF_DT_ID, v->d.flt[i]);
}
/// Wraps: rec->d.id
static inline const char *chts_rec_id(const bcf1_t *v) { return v->d.id; }
/// Wraps: bcf_seqname
static inline const char *chts_rec_seqname(const bcf_hdr_t *h, const bcf1_t *v) { return bcf_seqname_safe(h, v); }
/// Wraps: bcf_hdr_nsamples from a record's view (rec->n_sample)
static inline int chts_rec_nsample(const bcf1_t *v) { return (int)v->n_sample; }
/// Wraps: hts_get_bgzfp + bgzf_check_EOF. 1 = EOF marker present, 0 = absent, 2 = cannot tell, -1 = not BGZF.
static inline int chts_check_bgzf_eof(htsFile *fp) {
    BGZF *b = hts_get_bgzfp(fp);
    if (!b) return -1;
    return bgzf_check_EOF(b);
}
/// Wraps: hts_get_bgzfp(fp)->errcode (BGZF_ERR_ZLIB, BGZF_ERR_CRC, …); 0 when not BGZF or no error.
static inline int chts_bgzf_errcode(htsFile *fp) {
    BGZF *b = hts_get_bgzfp(fp);
    return b ? (int)b->errcode : 0;
}
/// Wraps: bgzf_open + bgzf_read of a BCF's first 9 bytes ("BCF\2\2" and the header's text length), on
/// a separate handle: the length is read before bcf_hdr_read would malloc it (htslib 1.16 trusts it, so a
/// corrupt length asks for gigabytes). Returns the length, or -1 when it cannot be read.
static inline int64_t chts_bcf_header_length(const char *path) {
    BGZF *b = bgzf_open(path, "r");
    if (!b) return -1;
    uint8_t m[9];
    ssize_t n = bgzf_read(b, m, 9);
    bgzf_close(b);
    if (n != 9 || memcmp(m, "BCF\2", 4) != 0) return -1;
    return (int64_t) ((uint32_t) m[5] | (uint32_t) m[6] << 8 | (uint32_t) m[7] << 16 | (uint32_t) m[8] << 24);
}
/// Wraps: fp->format.compression / format
static inline int chts_file_compression(htsFile *fp) { return (int)fp->format.compression; }
static inline int chts_file_format(htsFile *fp) { return (int)fp->format.format; }
/// Wraps: tbx_itr_querys / tbx_itr_next / bcf_itr_querys / bcf_itr_next / bcf_index_load
static inline hts_itr_t *chts_tbx_itr_querys(tbx_t *t, const char *reg) { return tbx_itr_querys(t, reg); }
static inline int chts_tbx_itr_next(htsFile *fp, tbx_t *t, hts_itr_t *itr, kstring_t *s) { return tbx_itr_next(fp, t, itr, s); }
static inline hts_itr_t *chts_bcf_itr_querys(hts_idx_t *idx, bcf_hdr_t *h, const char *reg) { return bcf_itr_querys(idx, h, reg); }
static inline int chts_bcf_itr_next(htsFile *fp, hts_itr_t *itr, bcf1_t *v) { return bcf_itr_next(fp, itr, v); }
/* One iterator over many regions (htslib's multi-region iterator, hts_itr_regions + hts_itr_multi_bam
 * chunk merging): every BGZF block the regions need is read once, forwards only, and a record that
 * overlaps several regions is returned once. The region strings are parsed and merged by
 * hts_reglist_create; the iterator owns the list (hts_itr_destroy frees it). */
static inline int chts_multi_seek(void *fp, int64_t off, int whence) { return bgzf_seek((BGZF *)fp, off, whence) < 0 ? -1 : 0; }
static inline int64_t chts_multi_tell(void *fp) { return bgzf_tell((BGZF *)fp); }
static inline int chts_bcf_name2id(void *h, const char *name) { return bcf_hdr_name2id((const bcf_hdr_t *)h, name); }
static inline int chts_tbx_name2id(void *t, const char *name) { return tbx_name2id((tbx_t *)t, name); }
/* The record handed to the tabix multi-region reader: the line buffer and the index it parses with. */
typedef struct { kstring_t *line; tbx_t *tbx; } chts_tbx_record;
static inline int chts_tbx_multi_readrec(BGZF *fp, void *fd, void *r, int *tid, hts_pos_t *beg, hts_pos_t *end) {
    (void)fd;
    chts_tbx_record *x = (chts_tbx_record *)r;
    return tbx_readrec(fp, x->tbx, x->line, tid, beg, end);
}
static inline hts_itr_t *chts_bcf_itr_regions(hts_idx_t *idx, bcf_hdr_t *h, char **regions, int n) {
    int count = 0;
    hts_reglist_t *list = hts_reglist_create(regions, n, &count, h, chts_bcf_name2id);
    if (!list) return NULL;
    return hts_itr_regions(idx, list, count, chts_bcf_name2id, h, hts_itr_multi_bam, bcf_readrec,
                           chts_multi_seek, chts_multi_tell);
}
static inline hts_itr_t *chts_tbx_itr_regions(tbx_t *t, char **regions, int n) {
    int count = 0;
    hts_reglist_t *list = hts_reglist_create(regions, n, &count, t, chts_tbx_name2id);
    if (!list) return NULL;
    return hts_itr_regions(t->idx, list, count, chts_tbx_name2id, t, hts_itr_multi_bam,
                           chts_tbx_multi_readrec, chts_multi_seek, chts_multi_tell);
}
static inline int chts_tbx_itr_multi_next(htsFile *fp, tbx_t *t, hts_itr_t *itr, kstring_t *s) {
    chts_tbx_record r = { s, t };
    return hts_itr_multi_next(fp, itr, &r);
}
static inline int chts_bcf_itr_multi_next(htsFile *fp, hts_itr_t *itr, bcf1_t *v) { return hts_itr_multi_next(fp, itr, v); }
static inline hts_idx_t *chts_bcf_index_load2(const char *fn, const char *fnidx) { return bcf_index_load2(fn, fnidx); }
/// Wraps: BCF_UN_ALL
static inline int chts_un_all(void) { return BCF_UN_ALL; }
/// Wraps: hopen(path, mode) (variadic in C)
static inline hFILE *chts_hopen(const char *path, const char *mode) { return hopen(path, mode); }
/// Frees a kstring's buffer.
static inline void chts_ks_free(kstring_t *s) { free(s->s); s->s = NULL; s->l = s->m = 0; }
/// Wraps: hts_getline(fp, KS_SEP_LINE, s)
static inline int chts_getline(htsFile *fp, kstring_t *s) { return hts_getline(fp, 2 /* KS_SEP_LINE in htslib/kseq.h */, s); }
/// Wraps: bcf_unpack(v, BCF_UN_STR) (CHROM..ALT, ID and alleles)
static inline int chts_unpack_str(bcf1_t *v) { return bcf_unpack(v, BCF_UN_STR); }
/// Wraps: bcf_hdr_id2name(h, v->rid)
static inline const char *chts_rec_contig(const bcf_hdr_t *h, const bcf1_t *v) { return bcf_hdr_id2name(h, v->rid); }
/// Wraps: v->pos (0-based)
static inline int64_t chts_rec_pos0(const bcf1_t *v) { return v->pos; }
/// Wraps: v->n_allele
static inline int chts_rec_nallele(const bcf1_t *v) { return v->n_allele; }
/// Wraps: bcf_update_info_string
static inline int chts_update_info_string(const bcf_hdr_t *h, bcf1_t *v, const char *tag, const char *value) {
    return bcf_update_info_string(h, v, tag, value);
}
/// Wraps: bcf_subset_format when the header keeps a subset of samples. bcf_read does this itself; an
/// index iterator (bcf_itr_next → bcf_readrec) does not, so records read through an index still carry
/// every sample's FORMAT data until this is called.
static inline int chts_subset_samples(const bcf_hdr_t *h, bcf1_t *v) {
    return h->keep_samples ? bcf_subset_format(h, v) : 0;
}
/// Wraps: bgzf_open + bgzf_seek to a block's compressed offset + bgzf_getline until EOF, keeping the last
/// two lines (the last complete line of the file, and the one before it). Returns 0 on success.
static inline int chts_bgzf_tail_lines(const char *path, int64_t block_offset, kstring_t *last, kstring_t *before) {
    BGZF *fp = bgzf_open(path, "r");
    if (!fp) return -1;
    if (bgzf_seek(fp, block_offset << 16, SEEK_SET) < 0) { bgzf_close(fp); return -1; }
    kstring_t line = {0, 0, NULL};
    int n = 0;
    while (bgzf_getline(fp, '\n', &line) >= 0) {
        kstring_t t = *before; *before = *last; *last = t;
        last->l = 0; kputsn(line.s, line.l, last);
        n++;
    }
    free(line.s);
    bgzf_close(fp);
    return n;
}
/// Wraps: tbx_seqnames (the sequence names an index holds); free the array (not the names) with free().
static inline const char **chts_tbx_seqnames(tbx_t *t, int *n) { return tbx_seqnames(t, n); }

// MARK: - An hFILE that shows every byte it reads to an observer

/// htslib 1.16's backend table (from its private hfile_internal.h; libhts exports hfile_init for backends).
/// Used to read a file through an hFILE whose bytes are hashed as htslib consumes them: no pipe, no
/// second read, no copy.
struct hFILE_backend {
    ssize_t (*read)(hFILE *fp, void *buffer, size_t nbytes);
    ssize_t (*write)(hFILE *fp, const void *buffer, size_t nbytes);
    off_t (*seek)(hFILE *fp, off_t offset, int whence);
    int (*flush)(hFILE *fp);
    int (*close)(hFILE *fp);
};
extern hFILE *hfile_init(size_t struct_size, const char *mode, size_t capacity);

typedef void (*chts_observer_fn)(void *context, const void *bytes, size_t count);
typedef struct {
    hFILE base;
    int fd;
    chts_observer_fn observer;
    void *context;
} chts_observed_hfile;

static ssize_t chts_observed_read(hFILE *fpv, void *buffer, size_t nbytes) {
    chts_observed_hfile *fp = (chts_observed_hfile *) fpv;
    ssize_t n;
    do { n = read(fp->fd, buffer, nbytes); } while (n < 0 && errno == EINTR);
    if (n > 0) fp->observer(fp->context, buffer, (size_t) n);
    return n;
}
static ssize_t chts_observed_write(hFILE *fpv, const void *buffer, size_t nbytes) {
    (void) fpv; (void) buffer; (void) nbytes; errno = EBADF; return -1;
}
static off_t chts_observed_seek(hFILE *fpv, off_t offset, int whence) {
    (void) fpv; (void) offset; (void) whence; errno = ESPIPE; return -1;
}
static int chts_observed_flush(hFILE *fpv) { (void) fpv; return 0; }
static int chts_observed_close(hFILE *fpv) { return close(((chts_observed_hfile *) fpv)->fd); }
static const struct hFILE_backend chts_observed_backend = {
    chts_observed_read, chts_observed_write, chts_observed_seek, chts_observed_flush, chts_observed_close
};

/// Wraps: hfile_init with a read-only, unseekable backend over `fd` (owned from here on: closed by
/// hclose) that passes every block read to `observer(context, bytes, count)`. NULL on failure (fd closed).
static inline hFILE *chts_hopen_observed(int fd, chts_observer_fn observer, void *context) {
    hFILE *fp = hfile_init(sizeof(chts_observed_hfile), "r", 1 << 17);
    if (!fp) { close(fd); return NULL; }
    chts_observed_hfile *o = (chts_observed_hfile *) fp;
    o->fd = fd; o->observer = observer; o->context = context;
    fp->backend = &chts_observed_backend;
    return fp;
}

// MARK: - Aligned reads (BAM/CRAM)

/// The read source of one pileup: the region iterator, the read filters applied before htslib's pileup
/// sees a read, and the first iterator error (< -1: truncated or undecodable data, never "no more reads").
typedef struct {
    samFile *fp;
    hts_itr_t *itr;
    int min_mapq;
    uint16_t skip_flags;
    /// Read-group IDs whose reads count (NULL: every read counts).
    const char *const *read_groups;
    int n_read_groups;
    int error;
} chts_read_source;

/// Wraps: sam_itr_next with the read filters (flags, MAPQ, no CIGAR, read group); the bam_plp_auto_f callback.
static int chts_read_source_next(void *data, bam1_t *b) {
    chts_read_source *s = (chts_read_source *) data;
    for (;;) {
        int r = sam_itr_next(s->fp, s->itr, b);
        if (r < 0) { if (r < -1) s->error = r; return r; }
        if (b->core.flag & s->skip_flags) continue;
        if ((int) b->core.qual < s->min_mapq || b->core.n_cigar == 0) continue;
        if (s->read_groups) {
            const uint8_t *rg = bam_aux_get(b, "RG");
            const char *id = rg ? bam_aux2Z(rg) : NULL;
            int keep = 0;
            for (int i = 0; id && i < s->n_read_groups; i++) if (strcmp(id, s->read_groups[i]) == 0) { keep = 1; break; }
            if (!keep) continue;
        }
        return r;
    }
}
/// Wraps: bam_mplp_init over one read source, with overlapping-mate detection and a depth cap.
static inline bam_mplp_t chts_mplp_init(chts_read_source *s, int max_depth) {
    void *data[1] = { s };
    bam_mplp_t m = bam_mplp_init(1, chts_read_source_next, data);
    if (!m) return NULL;
    if (bam_mplp_init_overlaps(m) < 0) { bam_mplp_destroy(m); return NULL; }
    bam_mplp_set_maxcnt(m, max_depth);
    return m;
}
/// Wraps: bam_mplp64_auto for one source. >0 a position, 0 the end, <0 an error.
static inline int chts_mplp_next(bam_mplp_t m, int *tid, hts_pos_t *pos, int *n, const bam_pileup1_t **plp) {
    return bam_mplp64_auto(m, tid, pos, n, plp);
}
/// Wraps: bam_pileup1_t bit fields and members.
static inline const bam1_t *chts_plp_read(const bam_pileup1_t *p, int i) { return p[i].b; }
static inline int chts_plp_qpos(const bam_pileup1_t *p, int i) { return p[i].qpos; }
static inline int chts_plp_indel(const bam_pileup1_t *p, int i) { return p[i].indel; }
static inline int chts_plp_is_del(const bam_pileup1_t *p, int i) { return p[i].is_del; }
static inline int chts_plp_is_refskip(const bam_pileup1_t *p, int i) { return p[i].is_refskip; }
/// Wraps: bam_get_qname
static inline const char *chts_bam_qname(const bam1_t *b) { return bam_get_qname(b); }
/// Wraps: bam_is_rev
static inline int chts_bam_is_rev(const bam1_t *b) { return bam_is_rev(b) ? 1 : 0; }
/// Wraps: b->core.pos (0-based leftmost aligned position) and b->core.l_qseq
static inline hts_pos_t chts_bam_pos(const bam1_t *b) { return b->core.pos; }
static inline int chts_bam_length(const bam1_t *b) { return b->core.l_qseq; }
/// Wraps: seq_nt16_str[bam_seqi(bam_get_seq(b), i)] (the base letter at query position i)
static inline char chts_bam_base(const bam1_t *b, int i) { return seq_nt16_str[bam_seqi(bam_get_seq(b), i)]; }
/// Wraps: bam_get_qual(b)[i]
static inline int chts_bam_qual(const bam1_t *b, int i) { return bam_get_qual(b)[i]; }
/// Wraps: bam_get_cigar(b) and b->core.n_cigar
static inline const uint32_t *chts_bam_cigar(const bam1_t *b) { return bam_get_cigar(b); }
static inline int chts_bam_ncigar(const bam1_t *b) { return (int) b->core.n_cigar; }
/// Wraps: bam_aux_get + bam_aux2Z (a Z/H tag's string; NULL when absent or of another type)
static inline const char *chts_bam_aux_string(const bam1_t *b, const char *tag) {
    const uint8_t *s = bam_aux_get(b, tag);
    if (!s || (*s != 'Z' && *s != 'H')) return NULL;
    return bam_aux2Z(s);
}
/// Wraps: hts_set_fai_filename (CRAM_OPT_REFERENCE)
static inline int chts_set_reference(samFile *fp, const char *fasta) { return hts_set_fai_filename(fp, fasta); }
/// Wraps: fp->format.format == cram / bam
static inline int chts_is_cram(const samFile *fp) { return fp->format.format == cram; }
static inline int chts_is_bam(const samFile *fp) { return fp->format.format == bam; }

#endif
