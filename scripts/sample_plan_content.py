"""Content of the sample plan: Kabupaten Wonosari Raya (fictional), Jawa Tengah, 2025-2029.

Drawn from what real regions wrote (DOMAIN.md): Depok's public wifi and WhatsApp market,
Kotim's economy-first recovery and gotong royong, Wonosobo's six working groups and branding.
Data only; scripts/make_sample_plan.py turns it into sample_data/plan.json.
"""

PLAN = {
    "region": "Wonosari Raya",
    "region_kind": "kabupaten",
    "province": "Jawa Tengah",
    "start_year": 2025,
    "end_year": 2029,
    "vision": "Wonosari Raya yang cerdas, sejahtera, dan berbudaya gotong royong pada tahun 2029",
    "missions": [
        "Mewujudkan tata kelola pemerintahan yang terbuka, cepat, dan berbasis data",
        "Menumbuhkan ekonomi kerakyatan berbasis UMKM, pertanian, dan pariwisata",
        "Meningkatkan kualitas hidup melalui layanan kesehatan, pendidikan, dan transportasi yang terjangkau",
        "Menjaga kelestarian lingkungan lereng gunung dan daerah aliran sungai",
    ],
}

# The RPJMD's sasaran with their indicators: (sasaran, mission number, indicator, unit,
# baseline, its year, target at the end of the period, data source). Programmes name them by
# their place here (sample_plan_programmes.py, "targets").
TARGETS = [
    ("Meningkatnya kualitas tata kelola pemerintahan berbasis elektronik", 1, "Indeks SPBE", "indeks (skala 5)",
     2.6, 2024, 3.5, "Evaluasi SPBE Kementerian PANRB"),
    ("Meningkatnya kepuasan masyarakat atas pelayanan publik", 1, "Indeks kepuasan masyarakat",
     "nilai IKM (25-100)", 76.5, 2024, 85, "Survei kepuasan masyarakat (PermenPANRB 14/2017)"),
    ("Menurunnya tingkat kemiskinan", 2, "Persentase penduduk miskin", "%", 11.2, 2024, 8.5,
     "BPS Kabupaten Wonosari Raya"),
    ("Meningkatnya kunjungan wisata dan ekonomi kreatif", 2, "Kunjungan wisatawan", "kunjungan/tahun",
     850_000, 2024, 1_200_000, "Dinas Pariwisata (data kunjungan destinasi)"),
    ("Menurunnya prevalensi stunting balita", 3, "Prevalensi stunting balita", "%", 19.8, 2024, 14,
     "SSGI/SKI Kementerian Kesehatan"),
    ("Meratanya akses internet publik dan pendidikan digital", 3, "Desa/kelurahan terlayani internet publik", "%",
     62, 2024, 100, "Diskominfo (pendataan titik akses)"),
    ("Meningkatnya kualitas lingkungan hidup", 4, "Indeks Kualitas Lingkungan Hidup", "indeks", 64.3, 2024, 68,
     "Indeks Kualitas Lingkungan Hidup Kementerian LH"),
    ("Meningkatnya pengelolaan sampah rumah tangga", 4, "Sampah rumah tangga terkelola", "%", 46, 2024, 70,
     "SIPSN Kementerian LH"),
]

TEAM = "Sekretariat Dewan Smart City"

# (aspect, topic, rating, description, gap)
READINESS = [
    ("struktur", "Sumber daya manusia TIK", "kurang",
     "Diskominfo memiliki 9 pranata komputer; sebagian besar OPD belum memiliki pengelola data.",
     "Dibutuhkan minimal satu pengelola data per OPD (42 orang)."),
    ("struktur", "Anggaran", "sedang",
     "Belanja TIK sekitar 1,1% APBD, tersebar di banyak OPD tanpa perencanaan bersama.",
     "Belum ada arsitektur belanja TIK terpadu; perlu forum anggaran SPBE."),
    ("struktur", "Organisasi dan tata kerja", "sedang",
     "Dewan Smart City dibentuk dengan SK Bupati 2024; tim pelaksana belum rutin rapat.",
     "Perlu jadwal rapat triwulanan dan pembagian peran per dimensi."),
    ("infrastruktur", "Infrastruktur fisik", "sedang",
     "Jalan kabupaten 68% mantap; terminal dan pasar induk perlu revitalisasi.",
     "Ruas jalan menuju sentra produksi di lereng belum mantap."),
    ("infrastruktur", "Infrastruktur TIK", "kurang",
     "Jaringan serat optik baru menjangkau 14 dari 21 kecamatan; 37 desa masih blank spot.",
     "Perlu perluasan jaringan dan pusat data yang memenuhi standar."),
    ("infrastruktur", "Infrastruktur sosial", "baik",
     "Budaya gotong royong kuat; karang taruna dan PKK aktif di hampir semua desa.",
     "Komunitas belum terhubung dengan program digital pemerintah."),
    ("suprastruktur", "Regulasi", "sedang",
     "Sudah ada Perbup SPBE dan Perbup Satu Data; belum ada regulasi keamanan informasi.",
     "Perlu Perbup keamanan informasi dan tata kelola data pribadi."),
    ("suprastruktur", "Kelembagaan", "sedang",
     "Forum Satu Data berjalan; belum ada unit pengelola layanan pengaduan terpadu.",
     "Perlu unit layanan pengaduan dengan standar waktu tanggap."),
    ("suprastruktur", "Prosedur (SOP)", "kurang",
     "SOP layanan digital baru ada di Disdukcapil dan DPMPTSP.",
     "Perlu SOP layanan digital untuk 20 layanan prioritas."),
]

# Per pillar: swot (quadrant, text, element, subtopic, source agency);
# strategies (kind, text, indexes into swot). Programmes: sample_plan_programmes.py.
from sample_plan_programmes import PROGRAMMES  # noqa: E402

PILLARS = {
    "governance": {
        "swot": [
            ("S", "Perbup SPBE dan Satu Data sudah terbit", "public_policy", "", "Setda (Bagian Hukum)"),
            ("S", "Mal Pelayanan Publik melayani 212 jenis layanan", "public_service", "", "DPMPTSP"),
            ("S", "Komitmen Bupati kuat, Dewan Smart City sudah dibentuk", "bureaucracy", "", "Bappeda"),
            ("W", "Aplikasi OPD tidak saling terhubung (lebih dari 60 aplikasi)", "bureaucracy", "Integrasi aplikasi", "Diskominfo"),
            ("W", "Pengaduan warga tersebar di WhatsApp, media sosial, dan surat", "public_service", "Pengaduan", "Inspektorat"),
            ("W", "Data sektoral belum mutakhir dan berbeda antar-OPD", "public_policy", "Satu data", "Bappeda"),
            ("O", "Program nasional Gerakan Menuju 100 Smart City dan pendampingan kementerian", "public_policy", "", "Diskominfo"),
            ("O", "Aplikasi umum nasional (SRIKANDI, SP4N-LAPOR!) tersedia gratis", "bureaucracy", "", "Diskominfo"),
            ("T", "Serangan siber terhadap situs pemerintah daerah meningkat", "bureaucracy", "Keamanan informasi", "Diskominfo"),
            ("T", "Pergantian pimpinan dapat menghentikan program yang sudah berjalan", "public_policy", "", "Bappeda"),
        ],
        "strategies": [
            ("SO", "Manfaatkan pendampingan nasional untuk menuntaskan arsitektur SPBE daerah", [0, 2, 6]),
            ("WO", "Gunakan aplikasi umum nasional untuk mengganti aplikasi OPD yang tumpang tindih", [3, 7]),
            ("WT", "Bangun pusat pengaduan terpadu dan tim tanggap insiden siber", [4, 8]),
            ("ST", "Kuatkan regulasi agar program Smart City tetap berjalan lintas periode", [0, 9]),
        ],
    },
    "branding": {
        "swot": [
            ("S", "Lanskap lereng gunung, kebun teh, dan telaga yang dikenal wisatawan", "tourism", "", "Dinas Pariwisata"),
            ("S", "Kuliner khas mi ongklok dan carica sudah memiliki pasar", "regional_business", "Kuliner", "Dinas Koperasi dan UMKM"),
            ("S", "Festival budaya tahunan menarik 40.000 pengunjung", "tourism", "Festival", "Dinas Pariwisata"),
            ("W", "Belum ada merek daerah yang disepakati bersama", "city_appearance", "Merek daerah", "Setda (Bagian Prokopim)"),
            ("W", "Informasi destinasi tersebar dan banyak yang usang", "tourism", "", "Dinas Pariwisata"),
            ("W", "Penataan kawasan alun-alun dan jalur pejalan kaki belum tuntas", "city_appearance", "", "DPUPR"),
            ("O", "Wisatawan muda mencari destinasi lewat media sosial", "tourism", "", "Dinas Pariwisata"),
            ("O", "Jalan tol baru memangkas waktu tempuh dari Semarang menjadi 2 jam", "regional_business", "", "Bappeda"),
            ("T", "Kabupaten tetangga mempromosikan destinasi serupa dengan gencar", "tourism", "", "Dinas Pariwisata"),
            ("T", "Cuaca ekstrem dan longsor menutup akses destinasi", "tourism", "", "BPBD"),
        ],
        "strategies": [
            ("SO", "Promosikan destinasi dan kuliner unggulan lewat kanal digital dan festival", [0, 1, 2, 6]),
            ("WO", "Sepakati merek daerah bersama pentahelix dan terapkan di seluruh materi promosi", [3, 6, 7]),
            ("WT", "Bangun informasi destinasi yang mutakhir, termasuk status akses saat cuaca buruk", [4, 9]),
        ],
    },
    "economy": {
        "swot": [
            ("S", "Sentra kopi, teh, dan sayur dataran tinggi dengan 12.000 petani", "industry", "Pertanian", "Dinas Pertanian"),
            ("S", "18.400 UMKM terdata, banyak sudah berjualan lewat WhatsApp", "welfare", "UMKM", "Dinas Koperasi dan UMKM"),
            ("S", "Budaya gotong royong dan koperasi desa masih hidup", "welfare", "", "Dinas PMD"),
            ("W", "Baru 22% UMKM menerima pembayaran nontunai", "financial_transactions", "QRIS", "Dinas Koperasi dan UMKM"),
            ("W", "Harga komoditas di tingkat petani ditentukan tengkulak", "industry", "Pertanian", "Dinas Pertanian"),
            ("W", "Angka kemiskinan 11,2%, di atas rata-rata provinsi", "welfare", "", "Bappeda"),
            ("O", "Bank daerah dan Bank Indonesia mendorong QRIS sampai ke pasar desa", "financial_transactions", "", "Setda (Bagian Perekonomian)"),
            ("O", "Permintaan kopi spesialti dan sayur organik dari kota besar naik", "industry", "", "Dinas Perdagangan"),
            ("T", "Pemulihan ekonomi pascapandemi belum merata", "welfare", "", "Bappeda"),
            ("T", "Lokapasar nasional menekan harga produk lokal", "industry", "", "Dinas Perdagangan"),
        ],
        "strategies": [
            ("SO", "Hubungkan petani dan UMKM ke pembeli kota lewat pasar daring daerah", [0, 1, 7]),
            ("WO", "Percepat pembayaran nontunai bersama bank daerah dan Bank Indonesia", [3, 6]),
            ("WT", "Lindungi harga di tingkat petani dengan data harga dan resi gudang", [4, 8, 9]),
            ("ST", "Kuatkan koperasi desa agar UMKM bersaing di lokapasar", [2, 9]),
        ],
    },
    "living": {
        "swot": [
            ("S", "Seluruh puskesmas sudah memakai rekam medis elektronik dasar", "health", "", "Dinas Kesehatan"),
            ("S", "Udara sejuk dan ruang terbuka hijau luas di kawasan perkotaan", "spatial_harmony", "", "DLH"),
            ("W", "Angkutan perdesaan berhenti beroperasi di 9 trayek", "transport", "Angkutan desa", "Dinas Perhubungan"),
            ("W", "Angka stunting 19,8%", "health", "Stunting", "Dinas Kesehatan"),
            ("W", "Data rujukan antara puskesmas dan RSUD belum terhubung", "health", "", "RSUD"),
            ("O", "Program nasional percepatan penurunan stunting dengan dana desa", "health", "Stunting", "Dinas PMD"),
            ("O", "Bus perintis provinsi membuka trayek baru", "transport", "", "Dinas Perhubungan"),
            ("T", "Alih fungsi lahan pertanian menjadi permukiman tak berizin", "spatial_harmony", "", "DPUPR"),
            ("T", "Kecelakaan di jalur tanjakan meningkat saat musim libur", "transport", "Keselamatan jalan", "Satlantas Polres"),
        ],
        "strategies": [
            ("SO", "Manfaatkan rekam medis elektronik untuk memantau balita berisiko stunting", [0, 5]),
            ("WO", "Hidupkan angkutan desa dengan trayek pengumpan bus perintis", [2, 6]),
            ("WT", "Hubungkan data rujukan dan tanggap darurat di jalur rawan kecelakaan", [4, 8]),
            ("ST", "Kendalikan alih fungsi lahan dengan peta tata ruang yang terbuka", [1, 7]),
        ],
    },
    "society": {
        "swot": [
            ("S", "Wifi desa di 186 titik balai desa dan RW", "community_interaction", "Wifi publik", "Diskominfo"),
            ("S", "Karang taruna dan komunitas literasi aktif di setiap kecamatan", "learning", "", "Dinas Pendidikan"),
            ("S", "Siskamling berbasis RT masih berjalan", "public_safety", "", "Satpol PP"),
            ("W", "Literasi digital orang tua dan pelaku UMKM rendah", "learning", "Literasi digital", "Diskominfo"),
            ("W", "Sekolah di wilayah lereng belum terjangkau sinyal untuk ANBK", "learning", "", "Dinas Pendidikan"),
            ("W", "Kanal darurat bencana belum satu nomor", "public_safety", "", "BPBD"),
            ("O", "Program nasional literasi digital dan relawan TIK", "learning", "Literasi digital", "Diskominfo"),
            ("O", "Operator seluler menawarkan kerja sama BTS di desa blank spot", "community_interaction", "", "Diskominfo"),
            ("T", "Hoaks menyebar cepat di grup WhatsApp warga", "community_interaction", "Hoaks", "Diskominfo"),
            ("T", "Longsor dan banjir bandang di musim hujan", "public_safety", "Kebencanaan", "BPBD"),
        ],
        "strategies": [
            ("SO", "Jadikan titik wifi desa pusat belajar digital bersama komunitas", [0, 1, 6]),
            ("WO", "Tutup blank spot sekolah bersama operator seluler", [4, 7]),
            ("WT", "Satukan kanal darurat di nomor 112 dan peringatan dini bencana", [5, 9]),
            ("ST", "Libatkan karang taruna melawan hoaks di grup warga", [1, 8]),
        ],
    },
    "environment": {
        "swot": [
            ("S", "Bank sampah aktif di 140 desa", "waste", "Bank sampah", "DLH"),
            ("S", "Potensi mikrohidro dan panas bumi di lereng gunung", "energy", "", "Dinas ESDM Provinsi"),
            ("S", "Kawasan hutan lindung masih 31% wilayah", "environmental_protection", "", "DLH"),
            ("W", "TPA Watu Gedhe hampir penuh, sisa umur 3 tahun", "waste", "TPA", "DLH"),
            ("W", "Pemantauan kualitas air sungai manual dan jarang", "environmental_protection", "Kualitas air", "DLH"),
            ("W", "PJU masih memakai lampu boros energi", "energy", "PJU", "Dinas Perhubungan"),
            ("O", "Program efisiensi energi nasional dan penghematan rekening listrik PJU", "energy", "PJU", "Bappeda"),
            ("O", "Permintaan kompos dan bahan daur ulang dari industri", "waste", "", "DLH"),
            ("T", "Erosi dan sedimentasi di daerah aliran sungai", "environmental_protection", "", "BPBD"),
            ("T", "Volume sampah wisata naik saat libur panjang", "waste", "", "Dinas Pariwisata"),
        ],
        "strategies": [
            ("SO", "Kembangkan bank sampah menjadi pemasok kompos dan bahan daur ulang", [0, 7]),
            ("WO", "Ganti lampu PJU dengan LED bertahap, dibiayai dari penghematan rekening listrik", [5, 6]),
            ("WT", "Pantau kualitas air dan sedimentasi secara otomatis", [4, 8]),
            ("ST", "Kelola sampah wisata bersama pengelola destinasi", [0, 9]),
        ],
    },
}
for _pillar, _data in PILLARS.items():
    _data["programmes"] = PROGRAMMES[_pillar]
