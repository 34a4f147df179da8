"""The sample plan's book: the prose of every section, the dasar hukum and the Smart City
institutions of Kabupaten Wonosari Raya (fictional), in the register of a regency's published
masterplan. Data only; scripts/make_sample_plan.py (add_book) writes it into the plan.

National laws and regulations are cited as enacted; the regency's own Perda, Perbup and SK
and every person named here are invented, like the regency."""

DRAFT_ROUND = "Draf hasil Bimtek Tahap III"

# section key -> text (Markdown: paragraphs, *emphasis*, lists)
SECTIONS = {
    "background": """\
Pemerintah Kabupaten Wonosari Raya menetapkan pembangunan daerah cerdas sebagai salah satu jalan untuk mewujudkan visi RPJMD 2025–2029, yaitu *Wonosari Raya yang cerdas, sejahtera, dan berbudaya gotong royong*. Sejak bergabung dengan Gerakan Menuju 100 Smart City, pemerintah daerah bersama perguruan tinggi, dunia usaha, komunitas, dan media menyusun rencana induk ini sebagai pedoman bersama lima tahun ke depan.

Kabupaten yang terletak di lereng gunung dan daerah aliran sungai ini menghadapi tantangan yang khas. Jaringan serat optik baru menjangkau 14 dari 21 kecamatan, dan 37 desa masih berada di wilayah *blank spot*. Lebih dari 60 aplikasi perangkat daerah belum saling terhubung, data sektoral belum mutakhir, dan pengaduan warga tersebar di berbagai kanal. Di sisi ekonomi, petani kopi dan teh, pelaku UMKM, serta pengelola destinasi wisata membutuhkan akses pasar dan pembayaran nontunai yang lebih luas setelah masa pandemi.

Di sisi lain, Wonosari Raya memiliki modal sosial yang kuat: budaya gotong royong, karang taruna dan PKK yang aktif di hampir semua desa, serta komitmen Bupati yang tinggi. Rencana induk ini memadukan kekuatan tersebut dengan peluang program nasional, seperti SPBE, Satu Data Indonesia, dan aplikasi umum nasional, agar teknologi benar-benar memudahkan layanan dan meningkatkan kesejahteraan warga.""",
    "purpose": """\
Maksud penyusunan Rencana Induk Smart City ini adalah menyediakan pedoman perencanaan dan pelaksanaan pembangunan daerah cerdas yang terpadu, terukur, dan selaras dengan RPJMD Kabupaten Wonosari Raya Tahun 2025–2029.

Tujuan penyusunan rencana induk ini adalah:

1. memetakan kesiapan daerah pada aspek struktur, infrastruktur, dan suprastruktur;
2. merumuskan strategi setiap dimensi berdasarkan analisis SWOT dan matriks TOWS;
3. menetapkan program dan program percepatan (*quick win*) beserta indikator, tonggak capaian, dan indikasi anggarannya;
4. menjadi acuan perangkat daerah dalam menyusun Renstra, Rencana Kerja, dan usulan anggaran tahunan; dan
5. memperkuat kolaborasi pentahelix dalam pelaksanaan dan pemantauan program Smart City.""",
    "scope": """\
Ruang lingkup rencana induk ini meliputi:

- **wilayah**: seluruh wilayah Kabupaten Wonosari Raya, yang terdiri atas 21 kecamatan serta 253 desa dan 12 kelurahan;
- **jangka waktu**: tahun 2025 sampai dengan 2029, dengan peninjauan pada akhir tahun ketiga;
- **materi**: enam dimensi Smart City, yaitu Smart Governance, Smart Branding, Smart Economy, Smart Living, Smart Society, dan Smart Environment; dan
- **pelaku**: perangkat daerah, instansi vertikal, perguruan tinggi, dunia usaha, komunitas, dan media yang terlibat dalam kelompok kerja.""",
    "methodology": """\
Rencana induk ini disusun melalui empat tahap bimbingan teknis (Bimtek) Gerakan Menuju 100 Smart City dengan pendampingan tenaga ahli kementerian:

1. **Tahap I**: analisis kesiapan daerah (struktur, infrastruktur, dan suprastruktur) serta perumusan visi, misi, dan sasaran yang selaras dengan RPJMD;
2. **Tahap II**: analisis SWOT oleh enam kelompok kerja (pokja), satu untuk setiap dimensi, dan pemetaan program dari RPJMD serta Renstra perangkat daerah;
3. **Tahap III**: perumusan strategi menurut matriks TOWS, inovasi setiap program, rencana aksi, peta jalan, dan pemilihan program percepatan (*quick win*); dan
4. **Tahap IV**: penelaahan bab demi bab, penyusunan surat komitmen, dan pemaparan kepada Bupati.

Setiap pokja bekerja pada laptopnya sendiri, lalu sekretariat menggabungkan hasilnya menjadi satu draf. Perbedaan isian antarpokja dibahas dalam rapat pleno hingga disepakati. Data kondisi awal diambil dari BPS Kabupaten, portal Satu Data Wonosari Raya, dan laporan perangkat daerah.""",
    "regional_profile": """\
Kabupaten Wonosari Raya terletak di Provinsi Jawa Tengah dengan luas wilayah sekitar 984 km². Sebagian besar wilayahnya berupa lereng gunung dengan kebun teh, lahan kopi, dan telaga yang menjadi daya tarik wisata, sedangkan bagian selatan dilalui daerah aliran sungai yang rawan banjir dan longsor pada musim hujan.

Penduduk kabupaten ini berjumlah sekitar 893.000 jiwa (2024). Perekonomian bertumpu pada pertanian, perdagangan, industri pengolahan skala kecil, dan pariwisata. Tingkat kemiskinan tercatat 11,2%, prevalensi *stunting* 19,8%, dan Indeks Pembangunan Manusia 70,1. Jalan kabupaten dalam kondisi mantap baru mencapai 68%, dan waktu tempuh ke Semarang kini sekitar dua jam sejak jalan tol baru beroperasi.

Pemerintah daerah telah memiliki Mal Pelayanan Publik dengan 212 jenis layanan, Perbup SPBE, dan Perbup Satu Data. Indeks SPBE Kabupaten Wonosari Raya pada 2024 bernilai 2,6 (predikat cukup).""",
    "financing": """\
Pembiayaan program Smart City bersumber dari APBD Kabupaten Wonosari Raya dan sumber non-APBD. Sumber non-APBD meliputi Dana Alokasi Khusus (DAK), bantuan keuangan APBD Provinsi Jawa Tengah, Dana Desa, dana tanggung jawab sosial dan lingkungan (CSR/TJSL) perusahaan, BUM Desa, hibah, dana swasta, serta swadaya masyarakat. Setiap program merinci indikasi anggarannya per sumber dana dan per tahun, sehingga beban APBD terlihat terpisah dari sumber lainnya.

Penganggaran mengikuti siklus tahunan: program dalam rencana induk ini dimasukkan ke RKPD dan Renja perangkat daerah, lalu dibahas dalam KUA-PPAS dengan memperhatikan kemampuan keuangan daerah. Program yang bersumber dari DAK, CSR, dan hibah diusulkan dan dikoordinasikan oleh Bappeda bersama perangkat daerah penanggung jawab, dengan **prioritas pada program percepatan** (*quick win*) tahun pertama. Biaya operasional program percepatan sesudah tahun pertama (langganan wifi desa, pengelolaan pengaduan) dianggarkan dalam program lanjutan tersendiri.""",
    "institutions": """\
Pelaksanaan rencana induk dikawal oleh tiga kelembagaan yang ditetapkan dengan Keputusan Bupati:

- **Dewan Smart City** menetapkan arah kebijakan, memutuskan prioritas, dan menilai capaian setiap tahun;
- **Tim Pelaksana Smart City** mengoordinasikan pelaksanaan program lintas perangkat daerah, menyusun laporan triwulanan, dan menyiapkan bahan rapat Dewan; dan
- **Forum Smart City** menjadi wadah partisipasi perguruan tinggi, dunia usaha, komunitas, dan media untuk memberi masukan dan mengawasi pelaksanaan program.

Tim Pelaksana bersidang setiap triwulan, sedangkan Dewan Smart City bersidang sekurang-kurangnya dua kali setahun. Rencana pengembangan sumber daya manusia TIK, termasuk penetapan pengelola data di setiap perangkat daerah, menjadi agenda tetap Tim Pelaksana.""",
    "closing": """\
Rencana Induk Smart City Kabupaten Wonosari Raya Tahun 2025–2029 merupakan hasil kerja bersama pemerintah daerah dan seluruh unsur pentahelix. Dokumen ini menjadi acuan bagi perangkat daerah dalam menyusun rencana kerja dan anggaran, serta bagi masyarakat dalam mengawal pelaksanaannya.

Keberhasilan rencana induk ini bergantung pada komitmen pimpinan, konsistensi penganggaran, dan partisipasi warga. Rencana induk akan dievaluasi setiap tahun dan ditinjau kembali pada akhir tahun ketiga agar tetap sesuai dengan perkembangan kebutuhan daerah dan kebijakan nasional.""",
}

# pillar key -> the narrative of its dimension, printed before its programmes (BAB IV)
DIMENSIONS = {
    "governance": """\
Pokja Smart Governance menempatkan layanan yang cepat, terbuka, dan berbasis data sebagai prioritas. Lima program disusun untuk menyatukan kanal pengaduan beserta pengelolaan lanjutannya, mengintegrasikan layanan daerah ke MPP Digital, membangun Satu Data Wonosari Raya, dan membentuk tim tanggap insiden siber bersama BSSN.""",
    "branding": """\
Pokja Smart Branding berangkat dari kekuatan lanskap lereng gunung, kuliner khas, dan festival budaya. Programnya menyepakati satu merek daerah, menyatukan informasi destinasi dalam satu portal, menata wajah kawasan alun-alun, dan mengangkat festival budaya ke kanal digital.""",
    "economy": """\
Pokja Smart Economy memprioritaskan pemulihan ekonomi kerakyatan. Program disusun untuk memperluas pembayaran nontunai di pasar desa, membuka pasar daring bagi UMKM, menyediakan informasi harga komoditas bagi petani, serta memperkuat rantai nilai kopi melalui gudang Sistem Resi Gudang yang dibangun dengan DAK.""",
    "living": """\
Pokja Smart Living berfokus pada layanan kesehatan yang menjangkau desa, transportasi yang terjangkau, dan penataan ruang. Program utamanya meliputi pemantauan balita *by name by address*, rujukan terintegrasi dari puskesmas ke RSUD, angkutan desa pengumpan, dan integrasi RDTR ke OSS beserta layanan informasi tata ruang.""",
    "society": """\
Pokja Smart Society menitikberatkan pemerataan akses internet dan kecakapan digital warga. Program yang disusun mencakup perluasan wifi desa beserta biaya operasionalnya, sekolah digital di wilayah lereng, relawan cek fakta bersama karang taruna, serta layanan panggilan darurat 112 dan peringatan dini bencana di bawah Diskominfo.""",
    "environment": """\
Pokja Smart Environment menjawab ancaman banjir, longsor, dan timbunan sampah. Programnya meliputi bank sampah digital di desa, penggantian bertahap lampu penerangan jalan umum dengan LED, sensor kualitas air sungai, dan destinasi wisata bebas sampah.""",
}

REGULATIONS = [
    "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional",
    "Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 1 Tahun 2024",
    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023",
    "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi",
    "Peraturan Pemerintah Nomor 59 Tahun 2022 tentang Perkotaan",
    "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik",
    "Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia",
    "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
    "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi, dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah",
    "Peraturan Daerah Kabupaten Wonosari Raya Nomor 3 Tahun 2025 tentang Rencana Pembangunan Jangka Menengah Daerah Tahun 2025–2029",
    "Peraturan Bupati Wonosari Raya Nomor 17 Tahun 2023 tentang Sistem Pemerintahan Berbasis Elektronik",
    "Peraturan Bupati Wonosari Raya Nomor 22 Tahun 2023 tentang Satu Data Wonosari Raya",
    "Keputusan Bupati Wonosari Raya Nomor 050/412/2024 tentang Pembentukan Dewan Smart City dan Tim Pelaksana Smart City Kabupaten Wonosari Raya",
]

# (body, role, name, agency, pentahelix role)
MEMBERS = [
    ("council", "Ketua", "Drs. H. Sudarmanto Wiryo, M.M.", "Bupati Wonosari Raya", "government"),
    ("council", "Wakil Ketua", "Hj. Retno Handayani, S.E.", "Wakil Bupati Wonosari Raya", "government"),
    ("council", "Sekretaris", "Ir. Bambang Priyatno, M.T.", "Sekretaris Daerah", "government"),
    ("council", "Anggota", "", "Kepala Bappeda", "government"),
    ("council", "Anggota", "", "Kepala Diskominfo", "government"),
    ("council", "Anggota", "", "Kepala BPKAD", "government"),
    ("council", "Anggota", "", "Inspektur Kabupaten", "government"),
    ("team", "Ketua", "Dr. Sri Wahyuningsih, M.Si.", "Kepala Bappeda", "government"),
    ("team", "Sekretaris", "Agus Setiawan, S.Kom., M.Kom.", "Kepala Diskominfo", "government"),
    ("team", "Koordinator Smart Governance", "", "Kepala Bagian Organisasi Setda", "government"),
    ("team", "Koordinator Smart Branding", "", "Kepala Dinas Pariwisata", "government"),
    ("team", "Koordinator Smart Economy", "", "Kepala Dinas Koperasi dan UMKM", "government"),
    ("team", "Koordinator Smart Living", "", "Kepala Dinas Kesehatan", "government"),
    ("team", "Koordinator Smart Society", "", "Kepala Dinas Pendidikan", "government"),
    ("team", "Koordinator Smart Environment", "", "Kepala Dinas Lingkungan Hidup", "government"),
    ("team", "Anggota", "Dr. Hendra Kusuma, M.T.", "Politeknik Negeri Wonosari Raya", "academia"),
    ("team", "Anggota", "", "Kamar Dagang dan Industri Kabupaten Wonosari Raya", "business"),
    ("forum", "Ketua", "Wahyu Nugroho", "Komunitas TI Wonosari", "community"),
    ("forum", "Wakil Ketua", "Dra. Endang Purwanti", "Tim Penggerak PKK Kabupaten", "community"),
    ("forum", "Anggota", "", "Karang Taruna Kabupaten Wonosari Raya", "community"),
    ("forum", "Anggota", "", "Asosiasi Pokdarwis Wonosari Raya", "community"),
    ("forum", "Anggota", "", "Politeknik Negeri Wonosari Raya", "academia"),
    ("forum", "Anggota", "", "Bank Jateng Cabang Wonosari", "business"),
    ("forum", "Anggota", "", "Radio Wonosari FM", "media"),
]
